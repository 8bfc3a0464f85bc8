"""One pass over a text that every later step shares: normalise, repair disguised spellings, find
identifiers, mask them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from fanzha.detect.features import TOKENS, canonical
from fanzha.detect.placeholders import mask_placeholders
from fanzha.detect.standalone import CONTACT_KINDS, bare, lone_account
from fanzha.extract.base import Identifier
from fanzha.extract.registry import Located, locate
from fanzha.intel import brands
from fanzha.taxonomy import Taxonomy, load_taxonomy
from fanzha.text import NormText, normalize
from fanzha.text.variants import Repair, VariantRepairer


@dataclass(frozen=True, slots=True)
class Prepared:
    norm: NormText  # normalised and repaired, with its map back to the original
    located: list[Located]
    masked: str  # normalised text with each identifier's characters replaced by its kind's token
    canonical: str  # what the classifier sees
    repairs: list[Repair]  # disguised spellings undone (spans in `norm.text`)


def mask(text: str, located: list[Located]) -> str:
    """Replace identifier characters by their kind's token, keeping the length (spans stay valid)."""
    if not located:
        return text
    chars = list(text)
    for item in located:
        token = TOKENS.get(item.identifier.kind)
        if token is None:
            continue
        for i in range(item.norm_start, item.norm_end):
            chars[i] = token
    return "".join(chars)


def vocabulary(taxonomy: Taxonomy) -> set[str]:
    """The words whose disguised spellings are repaired: the keywords of the cues that are lists of
    words (刷单 …) or marked `disguised` (安全账户 …), every brand name and alias, and
    `fanzha/text/data/disguised_words.txt`. Not the literals derived from other cue patterns: those
    include everyday words (我是, 办理) that spam has no reason to disguise."""
    cues = taxonomy.all_cues
    words = {keyword for cue in cues if cue.pattern is None or cue.disguised for keyword in cue.keywords}
    for brand in brands():
        words.update((brand.name, *brand.aliases))
    raw = resources.files("fanzha.text").joinpath("data/disguised_words.txt").read_text("utf-8")
    words.update(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))
    return words


@lru_cache(maxsize=1)
def default_repairer() -> VariantRepairer:
    return VariantRepairer(vocabulary(load_taxonomy()))


def prepare_many(texts: Sequence[str], repairer: VariantRepairer | None = None) -> list[Prepared]:
    repaired = (repairer or default_repairer()).repair_many([normalize(text) for text in texts])
    out = []
    for norm, repairs in repaired:
        located = locate(norm)
        if not located and (account := lone_account(norm)) is not None:
            located = [account]  # a lone card number failing its check digit is still a card
        masked = mask_placeholders(mask(norm.text, located), norm)
        out.append(Prepared(norm, located, masked, canonical(masked), repairs))
    return out


def prepare(text: str, repairer: VariantRepairer | None = None) -> Prepared:
    return prepare_many([text], repairer)[0]


def lone_identifier(text: str) -> Identifier | None:
    """The one number, link or account a text is made of (`95588`, `icbc-vip.cc`, a card number), read as
    the engine reads a pasted identifier; None when the text holds none, several, or words besides."""
    prepared = prepare(text)
    contacts = [i for i in prepared.located if i.identifier.kind in CONTACT_KINDS]
    if len(contacts) != 1 or not bare(text, prepared.located):
        return None
    return contacts[0].identifier
