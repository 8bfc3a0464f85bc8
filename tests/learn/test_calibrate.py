"""Calibration: weights learnt from labelled rows keep their prior's sign and meet the operating point."""

from __future__ import annotations

import random

from fanzha.learn.calibrate import REAL_NORMAL, Row, calibrate, describe, fit, group_of


def _rows(seed: int = 3) -> list[Row]:
    rng = random.Random(seed)
    rows = []
    for i in range(400):
        scam = i % 4 == 0
        values = {}
        if scam and rng.random() < 0.8:
            values["safe_account"] = 1.0
        if not scam and rng.random() < 0.05:
            values["safe_account"] = 1.0  # sometimes in everyday text too
        if rng.random() < 0.3:
            values["marketing_unsubscribe"] = 1.0  # says nothing about scams here
        priors = {"safe_account": 4.0, "marketing_unsubscribe": -1.0}
        group = "real:fraud" if scam else REAL_NORMAL
        logit = rng.gauss(1.5 if scam else -1.5, 1.0)
        rows.append(Row(group, int(scam), values, {k: priors[k] for k in values}, logit))
    return rows


def test_weights_keep_the_sign_of_their_prior() -> None:
    calibration = fit(_rows(), model_clip=(-2.0, 6.0))
    assert calibration.evidence["safe_account"] > 0
    assert calibration.evidence["marketing_unsubscribe"] <= 0


def test_the_operating_point_flags_at_most_the_target_share_of_everyday_rows() -> None:
    rows = _rows()
    calibration = fit(rows, model_clip=(-2.0, 6.0), target=0.01)
    assert calibration.report["groups"][REAL_NORMAL]["flagged"] <= 0.01
    assert calibration.report["groups"]["real:fraud"]["flagged"] > 0.5


def test_no_source_of_everyday_rows_carries_more_than_twice_the_target() -> None:
    rows = _rows()
    noisy = [Row(f"{REAL_NORMAL}/banks", 0, {}, {}, 0.5 + i / 100) for i in range(50)]  # a harder source
    calibration = fit(rows + noisy, model_clip=(-2.0, 6.0), target=0.02)
    groups = calibration.report["groups"]
    assert groups[f"{REAL_NORMAL}/banks"]["flagged"] <= 0.04
    pooled = (
        groups[REAL_NORMAL]["flagged"] * groups[REAL_NORMAL]["n"]
        + groups[f"{REAL_NORMAL}/banks"]["flagged"] * 50
    )
    assert pooled / (groups[REAL_NORMAL]["n"] + 50) <= 0.02


def test_calibrate_tries_clips_and_caps_and_records_its_choice() -> None:
    calibration = calibrate(_rows(), clips=(-1.0, -2.0), caps=(1.0, None))
    assert calibration.report["model_clip"][0] in (-1.0, -2.0)
    assert calibration.report["model_cap"] in (1.0, None)
    assert "merit" in calibration.report
    assert calibration.to_meta()["priors"]["safe_account"] == 4.0


def test_describe_names_the_largest_changes_first() -> None:
    lines = describe({"evidence": {"a": 3.0, "b": 1.1}, "priors": {"a": 1.0, "b": 1.0}})
    assert lines[0].startswith("- `a`")


def test_groups_are_named_by_source_and_label() -> None:
    assert group_of("ood_dev", "loan") == "ood_dev:scam"
    assert group_of("everyday", "normal") == "everyday:normal"
    assert group_of("adverts", "loan_advert") == "adverts:loan_advert"


def test_a_firm_cue_is_never_weakened_below_its_prior() -> None:
    # "job_offer" fires on as many everyday rows as scams: fitted freely its weight falls towards zero;
    # firm (police doctrine that the data's labels disagree with) it keeps at least its prior.
    rng = random.Random(5)
    rows = []
    for i in range(400):
        scam = i % 2 == 0
        values = {"job_offer": 1.0} if rng.random() < 0.3 else {}
        rows.append(
            Row(
                "real:fraud" if scam else REAL_NORMAL,
                int(scam),
                values,
                {k: 3.0 for k in values},
                rng.gauss(1.0 if scam else -1.0, 1.0),
            )
        )
    free = fit(rows, model_clip=(-2.0, 6.0), firm=frozenset())
    firm = fit(rows, model_clip=(-2.0, 6.0), firm=frozenset({"job_offer"}))
    assert free.evidence["job_offer"] < 2.0
    assert firm.evidence["job_offer"] >= 3.0


def test_the_shipped_taxonomy_names_its_firm_cues() -> None:
    from fanzha.learn.calibrate import firm_cues

    assert {"order_brushing", "paid_likes", "credit_ignored_loan", "credit_card_agent"} <= firm_cues()


def test_scores_are_the_fitted_scores() -> None:
    rows = _rows()
    calibration = fit(rows, model_clip=(-2.0, 6.0), target=0.01)
    flagged = calibration.scores(rows) >= 0
    everyday = [f for f, row in zip(flagged, rows, strict=True) if row.group == REAL_NORMAL]
    assert round(sum(everyday) / len(everyday), 4) == calibration.report["groups"][REAL_NORMAL]["flagged"]


def test_scores_count_unknown_evidence_at_its_prior() -> None:
    calibration = fit(_rows(), model_clip=(-2.0, 6.0))
    unseen = Row("real:fraud", 1, {"brand_new_cue": 1.0}, {"brand_new_cue": 2.5}, 0.0)
    plain = Row("real:fraud", 1, {}, {}, 0.0)
    assert calibration.scores([unseen])[0] - calibration.scores([plain])[0] == 2.5


def test_clip_and_cap_are_chosen_out_of_sample() -> None:
    calibration = calibrate(_rows(), clips=(-1.0, -2.0), caps=(1.0, None), folds=4)
    tried = calibration.report["selection"]
    assert len(tried) == 4
    best = max(tried, key=lambda t: t["merit_out_of_sample"])
    assert calibration.report["model_clip"] == best["model_clip"]
    assert calibration.report["model_cap"] == best["model_cap"]
    assert calibration.report["merit"] == best["merit_out_of_sample"]


def test_every_part_holds_its_share_of_every_group() -> None:
    from fanzha.learn.calibrate import _parts

    rows = _rows()
    part = _parts(rows, 4)
    for group in {row.group for row in rows}:
        counts = [
            sum(1 for r, p in zip(rows, part, strict=True) if r.group == group and p == k) for k in range(4)
        ]
        assert max(counts) - min(counts) <= 1


def test_legal_adverts_called_scams_count_against_a_setting() -> None:
    from fanzha.learn.calibrate import _merit

    groups = {
        "real:fraud": {"flagged": 0.9},
        "written/scams:scam": {"flagged": 0.8},
        "written/everyday:normal": {"flagged": 0.05},
        REAL_NORMAL: {"flagged": 0.5},  # fixed by the operating point: no part of the merit
    }
    plain = _merit(groups)
    assert round(plain, 6) == round(0.85 - 2 * 0.05, 6)
    with_adverts = {**groups, "real:ad": {"flagged": 0.04}, "written/adverts:loan_advert": {"flagged": 0.1}}
    assert round(plain - _merit(with_adverts), 6) == round((0.04 + 0.1) / 2, 6)
    # illegal spam is often a scam by police doctrine (刷单 jobs, card agents): it counts for nothing
    assert (
        _merit({**groups, "real:illegal": {"flagged": 0.5}, "w/adverts:illegal_advert": {"flagged": 1}})
        == plain
    )
