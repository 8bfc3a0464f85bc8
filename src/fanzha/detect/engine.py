"""`assess`: combine cue rules, the classifier, identifiers and reference lists into a verdict.

How the evidence adds up is in `fanzha.detect.scoring`. Here:

- the verdict's category: a scam when the risk reaches 50; otherwise an advert (营销、贷款、违法广告)
  when the classifier finds an advert likelier than an ordinary message, else normal;
- the fraud type: the type with the most evidence, the classifier's log P(type | scam) weighted by
  its belief that the text is a scam at all, plus the weights of that type's cues;
- a text that is nothing but numbers and links is judged by what they are (`fanzha.detect.standalone`):
  without the classifier, a scam exactly when one is fake or flagged, of the type it implies.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path

import numpy as np
import numpy.typing as npt

from fanzha.detect import scoring
from fanzha.detect.assessment import Assessment, CueHit
from fanzha.detect.cautions import elderly_sale_caution
from fanzha.detect.cues import WARNING_CUE, CueMatcher, RawHit, asks_whether_to_act, is_dialogue
from fanzha.detect.features import TOKENS
from fanzha.detect.model import LinearTextModel, shipped_model
from fanzha.detect.prepare import Prepared, prepare_many, vocabulary
from fanzha.detect.requests import Request, find_request
from fanzha.detect.scoring import ACTION_CUES, DESCRIBED, DOUBT, Score, Weights, score
from fanzha.detect.signals import (
    ALL_OFFICIAL,
    BANK_PRIVATE_LINE,
    IntelLookup,
    email_signals,
    identifier_signals,
    intel_signals,
    variant_signals,
)
from fanzha.detect.standalone import Standalone, bare, only_identifiers, standalone
from fanzha.extract.id_card import mask_id_numbers
from fanzha.programs import keep_compiled
from fanzha.taxonomy import ADVERT_KINDS, NORMAL, SCAM, Taxonomy, load_taxonomy
from fanzha.text.limits import MAX_CHARS, InputError, check_text
from fanzha.text.variants import VariantRepairer

__all__ = ["MAX_CHARS", "Detector", "InputError", "assess", "check_text", "default_detector"]

MODEL_PATH_ENV = "FANZHA_MODEL_PATH"
# Weight of the classifier's log P(type | scam) against the cue weights of each type when choosing the type
# (dev.jsonl, engine macro-F1 with an earlier model: weight 1 → 0.930, 4 → 0.939, 8 → 0.940).
TYPE_MODEL_WEIGHT = 4.0
# The type head learned a few types from synthetic templates alone (the model's `template_only_types`): it
# gives them a low probability on almost any real text. When it is not sure of any type it did learn
# (none reaches TYPE_SURE), its opinion says nothing about those: they start level with its best learned
# type, just below it, and their cues decide. Chosen on the independent set's dev split and dev.jsonl
# (types right on the dev split's scams 169 → 183 of 236 at 0.9 and 0.95, 178 at 0.8; dev.jsonl macro-F1
# unchanged at 0.9, −0.001 at 0.95, −0.003 at 0.99).
TYPE_SURE = 0.9
# A cue that names its scheme's kind (`Cue.names_kind`) outweighs the classifier's whole range of opinion on
# the type (its log share is floored at 1e-4) and any other type's cues as they weigh in practice.
KIND_NAMED = TYPE_MODEL_WEIGHT * -math.log(1e-4)
# Cues that say a link is a stranger's: they do not hold when the text's link is the brand's own.
STRANGER_LINK_CUES = frozenset(["fake_sender_tag"])
# Cues that record a money matter as settled ("押金已于当日全额退还"): they say nothing beside a demand no
# settled matter makes ("订金已原路退回，请下载会议软件开启屏幕共享确认收款" is a refund scam's opening). A fee
# or a transfer is what they answer (the deposit paid, then refunded), so those two do not void them.
SETTLED_CUES = frozenset(["deposit_refunded"])
DEMANDS_VOIDING_SETTLED = ACTION_CUES - {"fee_before_benefit", "transfer_to_designated"}
# Cues of a bank's transaction or bill notice ("您尾号5527账户于11月23日14:06消费人民币8,960.00元"): they say
# nothing beside a private line to call in the bank's name (BANK_PRIVATE_LINE), where the sum is the lure.
STATEMENT_CUES = frozenset(["account_statement"])
# A licence named (对外劳务合作经营资格) says nothing beside a demand to pay into an account or a fee first, or
# beside a passport kept or a border crossed without a visa: the scam claims the licence too ("具有对外劳务合作
# 经营资格…以上费用请缴至我司指定账户").
LICENCE_CUES = frozenset(["licensed_labour_agency"])
VOIDING_LICENCE = ACTION_CUES | {"passport_held", "illegal_crossing"}  # … and what no agency does
# "钱一分没转" tells a scam seen through (the demand it refused is often told too); beside a loss told it is
# only the start of the story ("也没让我交一分钱，后来让我交了3万").
NO_LOSS_CUES = frozenset(["no_money_lost"])
VOIDING_NO_LOSS = frozenset(["loss_account"])
# A licensed seller's risk disclosure (理财非存款) says nothing beside a guaranteed return or a demand: the scam
# that copies the boilerplate contradicts it ("保本保息…理财非存款").
DISCLOSURE_CUES = frozenset(["risk_disclosure"])
VOIDING_DISCLOSURE = ACTION_CUES | {"guaranteed_return"}


# What voids what: a signal or any of some cues beside them, and the cues that then say nothing.
_VOIDED_BY_SIGNAL = ((ALL_OFFICIAL, STRANGER_LINK_CUES), (BANK_PRIVATE_LINE, STATEMENT_CUES))
_VOIDED_BY_CUES = (
    (DEMANDS_VOIDING_SETTLED, SETTLED_CUES),
    (VOIDING_LICENCE, LICENCE_CUES),
    (VOIDING_NO_LOSS, NO_LOSS_CUES),
    (VOIDING_DISCLOSURE, DISCLOSURE_CUES),
)


def _voided_cues(signal_ids: set[str], cue_ids: set[str]) -> frozenset[str]:
    """The cues that say nothing beside these signals and cues: a stranger's link when every link is the
    brand's own ("后面却是陌生链接", 【支付宝】… d.alipay.com), a settled matter beside a demand, a licence
    beside a demand to pay, no money lost beside a loss, a risk disclosure beside a guaranteed
    return or a demand, a bank's statement beside a private line to call in its name."""
    return frozenset().union(
        *(voided for signal, voided in _VOIDED_BY_SIGNAL if signal in signal_ids),
        *(voided for triggers, voided in _VOIDED_BY_CUES if cue_ids & triggers),
    )


# A deposit paid where the reader saw the thing (`deposit_in_person`: 来看过了…先付五百定金，我给你写张收条): the
# cues that read a deposit as money sent ahead to a stranger say nothing about it. Only their hits on the deposit
# itself go; a fee of another name still speaks. Where the thing was seen only on a video or a photo, or the
# seller is away or ships it (`_UNSEEN`), the claim to have seen it is dropped instead.
DEPOSIT_SEEN = "deposit_in_person"
DEPOSIT_SEEN_CUES = frozenset(["off_platform_payment", "fee_before_benefit"])
_DEPOSIT = re.compile(r"定金|订金|押金")
_UNSEEN = re.compile(
    r"看不了|没法看|不能看|无法看|看不到|看过没|看过了没|外地|不在本地|出差|视频|照片|图片|发货|快递|物流|寄"
)


def _deposit_seen(rule_hits: list[RawHit], text: str) -> list[RawHit]:
    """`rule_hits` without the deposit hits a deposit paid in person answers (DEPOSIT_SEEN_CUES); where the
    thing was seen only on a video or a photo, or the seller is away, without the claim of seeing it."""
    if not any(hit.cue.id == DEPOSIT_SEEN for hit in rule_hits):
        return rule_hits
    if _UNSEEN.search(text):
        return [hit for hit in rule_hits if hit.cue.id != DEPOSIT_SEEN]
    return [
        hit
        for hit in rule_hits
        if hit.cue.id not in DEPOSIT_SEEN_CUES or not _DEPOSIT.search(text, hit.start, hit.end)
    ]


FRAUD_THRESHOLD = 50
SUSPICIOUS_THRESHOLD = 25
# A text of fewer letters, digits and characters than this, with no number or link in it, is an advert only when
# the classifier is sure of it (SHORT_ADVERT_SURE: 代开发票 0.9998, 办证 0.94): it had put greetings among the
# illegal adverts (你好 0.65, 您好 0.39, 新年快乐！ 0.64), having learned short real spam. A number or a link is what
# a short advert is for ("开发票" and a mobile), so it keeps the verdict.
MIN_ADVERT_CHARS = 5
SHORT_ADVERT_SURE = 0.9
_IDENTIFIER_TOKENS = frozenset(TOKENS.values())


def _advert_of(advert: tuple[str, float] | None, text: str, canonical: str) -> tuple[str, float] | None:
    """The classifier's advert kind, unless the text is too short to advertise anything (see above)."""
    if advert is None or any(token in canonical for token in _IDENTIFIER_TOKENS):
        return advert
    short = sum(c.isalnum() for c in text) < MIN_ADVERT_CHARS
    return None if short and advert[1] < SHORT_ADVERT_SURE else advert


GENERIC_ADVICE = "如已转账或泄露了银行卡、验证码，请立即拨打110报警，或拨打96110反诈专线咨询。"
SAFE_ADVICE = "未发现明显的诈骗特征。仍请记住：不轻信、不透露、不转账；拿不准时拨打96110咨询。"
SUSPICIOUS_ADVICE = "这条信息有可疑之处：不要点链接、不要转账，通过官方APP或官方客服电话核实后再处理。"


@dataclass(frozen=True, slots=True)
class Evidence:
    prepared: Prepared
    rule_hits: list[RawHit]
    best_per_cue: dict[str, RawHit]
    signals: list[CueHit]
    described: frozenset[str] = frozenset()  # scam cues the text only describes (negated, quoted, judged)


class Detector:
    """The scam check engine. One instance is safe to share; `assess_many` is the fast path."""

    def __init__(
        self,
        *,
        model: LinearTextModel | None = None,
        taxonomy: Taxonomy | None = None,
        intel: IntelLookup | None = None,
        weights: Weights | None = None,
    ) -> None:
        """`intel`: how to look up an identifier's risk level in the intelligence store, if there is one."""
        self.intel = intel
        self.taxonomy = taxonomy or load_taxonomy()
        self.model = model or shipped_model()
        self.weights = weights or Weights.from_meta(self.model.meta)
        self.matcher = CueMatcher(self.taxonomy)
        self.repairer = VariantRepairer(vocabulary(self.taxonomy))
        self._names = {t.code: t.name for t in self.taxonomy.types}
        self._names[NORMAL] = "正常信息"
        self._advice = {t.code: t.advice for t in self.taxonomy.types}
        self._advice.update({a.code: a.advice for a in self.taxonomy.adverts})
        self._names.update({a.code: a.name for a in self.taxonomy.adverts})
        self._names[SCAM] = "诈骗"
        self._fraud_codes = self.taxonomy.codes
        self._model_index = {c: i for i, c in enumerate(self.model.classes)}
        self._type_column = {c: i for i, c in enumerate(self._fraud_codes)}
        unlearned = {c for c in self.model.meta.get("template_only_types", ()) if c in self._type_column}
        self._template_only = [self._type_column[c] for c in sorted(unlearned)]
        self._learned = [i for c, i in self._type_column.items() if c not in unlearned]

    def type_name(self, code: str) -> str:
        """The Chinese name of a fraud type code (the code itself if unknown)."""
        return self._names.get(code, code)

    def assess(self, text: str) -> Assessment:
        return self.assess_many([text])[0]

    def assess_many(self, texts: Sequence[str], *, explain: bool = True) -> list[Assessment]:
        """Assess a batch (the classifier runs once over the batch). Raises InputError on a bad text.

        `explain=False` leaves `Assessment.explanation` empty (the JSONL output does not carry it).
        """
        for text in texts:
            check_text(text)
        evidence = self.gather(texts)
        p_scam, p_advert, type_p = self.model_view([e.prepared.canonical for e in evidence])
        shares = self._type_shares(type_p, evidence, p_scam)
        return [
            self._verdict(e, float(p_scam[i]), p_advert[i], shares[i], explain)
            for i, e in enumerate(evidence)
        ]

    def gather(self, texts: Sequence[str]) -> list[Evidence]:
        """Everything but the classifier: the prepared text, its cues and its signals."""
        evidence = []
        for text, prepared in zip(texts, prepare_many(texts, self.repairer), strict=True):
            rule_hits, described = self.matcher.match_all(prepared.masked)
            signals = identifier_signals(prepared.masked, prepared.located, text) + email_signals(prepared)
            voided = _voided_cues({s.id for s in signals}, {hit.cue.id for hit in rule_hits})
            if voided:
                rule_hits = [hit for hit in rule_hits if hit.cue.id not in voided]
            rule_hits = _deposit_seen(rule_hits, prepared.masked)
            best: dict[str, RawHit] = {}
            for hit in rule_hits:  # distinct cues count once each, however often they occur
                best.setdefault(hit.cue.id, hit)
            signals += variant_signals(prepared)
            if self.intel is not None:
                signals += intel_signals(prepared.located, text, self.intel)
            evidence.append(Evidence(prepared, rule_hits, best, signals, described))
        return evidence

    def evidence_of(self, gathered: Evidence, p_scam: float) -> scoring.Evidence:
        """The named evidence of one gathered text, as the score weighs it."""
        return scoring.evidence(
            best_per_cue=gathered.best_per_cue,
            signals=gathered.signals,
            p_scam=p_scam,
            canonical_chars=len(gathered.prepared.canonical),
            text_chars=len(gathered.prepared.norm.text),
            weights=self.weights,
            dialogue=WARNING_CUE in gathered.best_per_cue and is_dialogue(gathered.prepared.masked),
            question=WARNING_CUE in gathered.best_per_cue and asks_whether_to_act(gathered.prepared.masked),
            described=bool(gathered.described),
        )

    def model_view(
        self, canonical: list[str]
    ) -> tuple[npt.NDArray[np.float64], list[tuple[str, float] | None], npt.NDArray[np.float64]]:
        """The classifier's P(scam), its likeliest advert kind when it thinks "advert" more likely than
        "normal" (with that probability), and P(type | scam) in the taxonomy's type order."""
        proba = self.model.head_proba(canonical)
        n = len(canonical)
        type_p = np.zeros((n, len(self._fraud_codes)))
        if "category" in proba:
            category = proba["category"]
            index = {c: i for i, c in enumerate(self.model.heads["category"])}
            p_scam = category[:, index[SCAM]].astype(np.float64)
            adverts = [(kind, index[kind]) for kind in ADVERT_KINDS if kind in index]
            p_normal = category[:, index[NORMAL]]
            columns = category[:, [column for _, column in adverts]]
            likeliest = columns.argmax(axis=1).tolist()
            shares = columns.sum(axis=1)
            more = (shares > p_normal).tolist()
            p_advert: list[tuple[str, float] | None] = [
                (adverts[k][0], float(share)) if advert else None
                for k, share, advert in zip(likeliest, shares.tolist(), more, strict=True)
            ]
            for column, code in enumerate(self.model.heads["type"]):
                if code in self._type_column:
                    type_p[:, self._type_column[code]] = proba["type"][:, column]
        else:  # a model with one head over normal and the fraud types
            label = proba["label"]
            p_scam = 1.0 - label[:, self._model_index[NORMAL]].astype(np.float64)
            p_advert = [None] * n
            for code, column in self._type_column.items():
                if code in self._model_index:
                    type_p[:, column] = label[:, self._model_index[code]]
        return np.clip(p_scam, 1e-6, 1 - 1e-6), p_advert, type_p

    def _verdict(
        self,
        evidence: Evidence,
        p_scam: float,
        advert: tuple[str, float] | None,
        type_share: npt.NDArray[np.float64],
        explain: bool,
    ) -> Assessment:
        norm = evidence.prepared.norm
        original = norm.original
        best_per_cue = evidence.best_per_cue
        # Nothing but numbers and links, and no cue rule speaks: what is known about them decides, not
        # the classifier. A rule written for a number among a few words (a card number sent with a name)
        # still counts; a text that is its identifiers alone is always answered by what they are.
        located = evidence.prepared.located
        lone = bare(original, located)
        alone = (
            standalone(located, evidence.signals)
            if lone
            or (
                only_identifiers(original, located)
                and not any(hit.cue.weight > 0 for hit in best_per_cue.values())
            )
            else None
        )
        if alone is not None:
            evidence = replace(evidence, signals=[*evidence.signals, *alone.signals])
        if lone:  # the rules read the shape of a message; a bare identifier has none
            best_per_cue = {k: h for k, h in best_per_cue.items() if h.cue.weight <= 0}
            evidence = replace(
                evidence,
                rule_hits=[h for h in evidence.rule_hits if h.cue.weight <= 0],
                best_per_cue=best_per_cue,
            )
        scored = score(self.evidence_of(evidence, 0.5 if alone is not None else p_scam), self.weights)
        risk = scored.risk if alone is None else _standalone_risk(scored.risk, alone)
        p_fraud = scored.probability if alone is None else risk / 100
        is_fraud = risk >= FRAUD_THRESHOLD

        probabilities = {NORMAL: 1.0 - p_fraud}
        if alone is not None:  # the identifier names the type; the classifier read no message
            type_share = np.array([float(code == alone.fraud_type) for code in self._fraud_codes])
        probabilities.update(zip(self._fraud_codes, (type_share * p_fraud).tolist(), strict=True))
        fraud_type = self._fraud_codes[int(type_share.argmax())] if is_fraud else NORMAL
        confidence = probabilities[fraud_type]

        shown = mask_id_numbers(original, (i.identifier for i in evidence.prepared.located))
        used = scored.weights  # the weight each piece of evidence got (calibrated), shown with it
        doubt = WARNING_CUE if scored.notice else DOUBT
        cues = [
            CueHit(
                h.cue.id,
                shown[a:b],
                a,
                b,
                h.cue.meaning,
                # warning words a text that asks for money wears as a pose count nothing (scoring drops them)
                used.get(doubt, 0.0) if h.cue.id == WARNING_CUE else used.get(h.cue.id, h.cue.weight),
                h.cue.fraud_type,
            )
            for h in evidence.rule_hits
            for a, b in [norm.span(h.start, h.end)]
        ]
        cues.extend(replace(s, weight=used[s.id]) for s in evidence.signals if s.id in used)
        cues.sort(key=lambda c: (c.start, c.end, c.id))
        # a bare number is no advert, nor a greeting
        advert = None if alone is not None else _advert_of(advert, original, evidence.prepared.canonical)
        category = SCAM if is_fraud else advert[0] if advert is not None else NORMAL
        # A request for money or a code in a text not called a scam is suspicious, never safe, and gets
        # the request's own advice (`requests`) whether or not a cue already made it suspicious; not
        # inside anti-fraud wording, which quotes what scammers say.
        request = (
            find_request(norm.text)
            if category == NORMAL and alone is None and not scored.notice and WARNING_CUE not in best_per_cue
            else None
        )
        if request is not None:
            risk = max(risk, SUSPICIOUS_THRESHOLD)
            a, b = norm.span(request.start, request.end)
            if not any(c.suspicious and c.start < b and a < c.end for c in cues):  # else already shown
                cues.append(CueHit(request.cue_id, shown[a:b], a, b, request.meaning, 0.0, source="request"))
                cues.sort(key=lambda c: (c.start, c.end, c.id))
        explanation = (
            self._explain(scored, best_per_cue, evidence.signals, alone, risk, request) if explain else []
        )
        if is_fraud:
            advice = self._advice[fraud_type] + GENERIC_ADVICE
        elif category in self._advice:  # an advert kind: the sale to older people gets its caution
            advice = self._advice[category] + elderly_sale_caution(norm.text)
        elif request is not None:
            advice = request.advice
        elif risk >= SUSPICIOUS_THRESHOLD:
            advice = SUSPICIOUS_ADVICE + self._suspected_advice(cues)
        else:
            advice = alone.advice if alone is not None and alone.advice else SAFE_ADVICE
        return Assessment(
            is_fraud=is_fraud,
            risk=risk,
            level="high" if is_fraud else "medium" if risk >= SUSPICIOUS_THRESHOLD else "low",
            fraud_type=fraud_type,
            fraud_type_name=self._names[fraud_type],
            category=category,
            category_name=self._names.get(category, category),
            confidence=confidence,
            probabilities=probabilities,
            cues=cues,
            identifiers=[item.identifier for item in evidence.prepared.located],
            advice=advice,
            explanation=explanation,
            headline=alone.headline if alone is not None else "",
        )

    def _suspected_advice(self, cues: Sequence[CueHit]) -> str:
        """For a message that is only suspicious: how to check for the scam its strongest cue belongs to
        ("换号了" → call the old number), or nothing when no typed cue argues for a scam."""
        typed = [c for c in cues if c.fraud_type and c.weight > 0]
        if not typed:
            return ""
        code = max(typed, key=lambda c: c.weight).fraud_type
        return f"若是{self._names[code]}：{self._advice[code]}" if code in self._advice else ""

    def _type_shares(
        self, type_p: npt.NDArray[np.float64], evidence: list[Evidence], p_scam: npt.NDArray[np.float64]
    ) -> npt.NDArray[np.float64]:
        """P(type | scam) for each text: the classifier's type distribution, shifted by each type's
        cue weights. The classifier's opinion on *which* scam counts in proportion to its belief
        that it is one (`p_scam`); on the types it learned from templates only, not when it is unsure
        (TYPE_SURE); not at all beside a cue that names its scheme's kind (KIND_NAMED)."""
        mass = type_p.sum(axis=1, keepdims=True)
        mass[mass == 0] = 1.0
        share = type_p / mass
        scores: npt.NDArray[np.float64] = (
            TYPE_MODEL_WEIGHT * p_scam[:, None] * np.log(np.maximum(share, 1e-4))
        )
        if self._template_only:
            unsure = share[:, self._learned].max(axis=1) < TYPE_SURE
            level = scores[unsure][:, self._learned].max(axis=1) - 1e-3  # ties go to the learned type
            for column in self._template_only:
                scores[unsure, column] = level
        weights = self.weights.evidence
        for row, item in enumerate(evidence):
            # typed cues, and signals that name a scam's kind (BANK_PRIVATE_LINE), shift the type alike
            typed = chain(
                (
                    (h.cue.id, h.cue.fraud_type, h.cue.weight, h.cue.names_kind)
                    for h in item.best_per_cue.values()
                ),
                ((s.id, s.fraud_type, s.weight, False) for s in item.signals),
            )
            for cue_id, fraud_type, weight, names_kind in typed:
                if fraud_type is not None and weight > 0:
                    shift = weights.get(cue_id, weight) + (KIND_NAMED if names_kind else 0.0)
                    scores[row, self._type_column[fraud_type]] += shift
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def _explain(
        self,
        scored: Score,
        cues: dict[str, RawHit],
        signals: list[CueHit],
        alone: Standalone | None = None,
        risk: int | None = None,
        request: Request | None = None,
    ) -> list[str]:
        if alone is not None:
            lines = ["这段文字只有号码或链接：不计文本分类模型的判断，结论取决于号码和链接本身。"]
        else:
            lines = [
                f"文本分类模型估计这是诈骗信息的概率为{scored.p_scam:.0%}（计入{scored.model:+.1f}分）。"
            ]
        if scored.notice:
            lines.append("这是一条反诈提醒：其中提到的诈骗特征只按四分之一计分。")
        elif scored.firm and scored.p_scam < 0.5:
            lines.append(
                "含有公安认定的诈骗特征（如刷单、不看征信的贷款、银行通知让你回拨固定电话或手机、机关通知让你打个人手机）：不计模型“像广告或正常信息”的判断。"
            )
        used = scored.weights
        for hit in sorted(cues.values(), key=lambda h: -used.get(h.cue.id, h.cue.weight)):
            name = DOUBT if hit.cue.id == WARNING_CUE and not scored.notice else hit.cue.id
            if name == DOUBT and DOUBT not in used:  # dropped by scoring: the text asks what no warning asks
                lines.append(
                    "文中的防骗字眼与它自己的要求（转账、交费、验证码、点链接）同在：不按防骗宣传计分（+0.0分）。"
                )
                continue
            meaning = (
                "文中出现的防骗字眼（多是来问的人或受害人自己的疑虑，或骗子的话术），不按防骗宣传看待"
                if name == DOUBT
                else hit.cue.meaning
            )
            lines.append(f"规则“{name}”：{meaning}（{_points(used.get(name, hit.cue.weight))}）。")
        if DESCRIBED in used:
            lines.append(
                f"规则“{DESCRIBED}”：文中提到的诈骗手法是被否定、引述或评判的（如“…的都是骗人的”"
                f"“不会要求您缴纳解冻费”），没有别的诈骗特征（{used[DESCRIBED]:+.1f}分）。"
            )
        seen = set()
        for signal in signals:
            if signal.id not in seen and signal.id in used:
                seen.add(signal.id)
                lines.append(
                    f"号码/链接/写法核验“{signal.id}”：{signal.meaning}（{_points(used.get(signal.id, signal.weight))}）。"
                )
        if alone is not None and risk != scored.risk:
            why = (
                "有仿冒或已被标记的号码、链接即判为诈骗"
                if alone.fraud_type
                else "没有仿冒或已被标记的就不判为诈骗"
            )
            lines.append(f"只有号码或链接时，{why}：风险分由{scored.risk}计为{risk}。")
        if request is not None:
            what = "验证码" if request.kind == "code" else "钱或转账"
            if risk != scored.risk:
                lines.append(
                    f"向你要{what}，但别的都看不出是不是诈骗：只有核实对方是谁才能确定，"
                    f"列为可疑（风险分由{scored.risk}计为{risk}）。"
                )
            else:
                lines.append(f"向你要{what}：只有核实对方是谁才能确定是不是诈骗，列为可疑。")
        final = risk if risk is not None else scored.risk
        if (
            alone is None
            and request is None
            and final >= SUSPICIOUS_THRESHOLD
            and scored.model >= 0.5  # the classifier pushed it there, not the bias alone
            and not any(w > 0 for w in used.values())
        ):
            # no rule or check spoke for a scam: the classifier's reading of the whole text decided
            lines.append(
                "没有命中具体的诈骗规则：这是文本分类模型按整体写法作出的估计，请向对方所称的机构或本人核实。"
            )
        lines.append(f"综合风险分：{final}/100。")
        return lines


def _points(weight: float) -> str:
    """A piece of evidence's points as its explanation line shows them. A weight of zero is a pattern the
    calibration found as common in genuine messages as in scams: it is named, and said not to count."""
    if abs(weight) < 1e-9:  # exactly zero: a -0.04 still counts, and shows as -0.0
        return "正常短信里也常这样写，单独不计分"
    return f"{weight:+.1f}分"


def _standalone_risk(risk: int, alone: Standalone) -> int:
    """A lone identifier is a scam exactly when it is fake or flagged (`fanzha.detect.standalone`)."""
    if alone.fraud_type is not None:
        return max(risk, FRAUD_THRESHOLD)
    # the bias alone is no evidence: with it at −1.0 a lone number nothing is known of read 27, 可疑
    return min(risk, FRAUD_THRESHOLD - 1 if alone.doubtful else SUSPICIOUS_THRESHOLD - 1)


_default: Detector | None = None


def default_detector() -> Detector:
    """The process-wide detector: the shipped model, or `FANZHA_MODEL_PATH` when set."""
    global _default
    if _default is None:
        # Read directly rather than through fanzha.config: importing pydantic-settings costs ~0.2 s,
        # a tenth of a 20,000-text `fanzha check --jsonl` run. Same variable as Settings.model_path.
        path = os.environ.get(MODEL_PATH_ENV)
        _default = Detector(model=LinearTextModel.load(Path(path)) if path else None)
        keep_compiled()  # the engine's modules are all imported: their patterns' programs, for the next start
    return _default


def assess(text: str) -> Assessment:
    """Is `text` a scam? The verdict, its type, the evidence and the advice.

    >>> assess("您涉嫌洗钱，请将资金转入安全账户配合调查").fraud_type
    'impersonate_authority'
    """
    return default_detector().assess(text)
