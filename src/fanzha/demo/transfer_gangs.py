"""The scammers' side of a synthetic transfer stream: mule accounts and calling numbers that a gang uses
for a while, so that one receiving account collects from several victims and one number calls several.

Calling numbers are what the seeds warn about: virtual-operator mobiles, numbers "with many leading
zeros" (international, often spoofed), and landlines of far-away cities that claim to be the police.
"""

from __future__ import annotations

import random

from fanzha.demo.transfer_people import Directory, Payee

_ABROAD = ("852", "853", "886", "63", "855", "95", "60", "66")


class Gangs:
    """The scammers' side of one simulation: mule accounts and calling numbers, reused within a while."""

    def __init__(self, rng: random.Random, directory: Directory) -> None:
        self.rng, self.directory = rng, directory
        self.mules: list[Payee] = []
        self.callers: list[str] = []

    def mule(self, *, reuse: float = 0.35) -> Payee:
        if self.mules and self.rng.random() < reuse:
            return self.rng.choice(self.mules[-12:])
        payee = self.directory.mule()
        self.mules.append(payee)
        return payee

    def caller(self, *, reuse: float = 0.3) -> str:
        """A scam number: a virtual-operator mobile, a number with many leading zeros, or a landline."""
        rng = self.rng
        if self.callers and rng.random() < reuse:
            return rng.choice(self.callers[-20:])
        style = rng.random()
        if style < 0.45:
            value = self.directory.ids.mobile(scam=True)
        elif style < 0.8:
            value = rng.choice(("+00", "00", "+")) + rng.choice(_ABROAD) + f"{rng.randrange(10**8):08d}"
        else:
            value = rng.choice(("010", "021", "027", "0871", "0771")) + f"{rng.randrange(10**7, 10**8)}"
        self.callers.append(value)
        return value
