"""Prevention work through the API: the role matrix (community keys see their own community, 404 for
others; officers everything; the public quiz and case library need no key), activities with a photo,
scorecards, the report in three formats, quiz sessions and the public quiz."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
ACTIVITY = {"kind": "讲座", "title": "老年人防骗讲座", "started_at": "2026-11-12T15:00:00+08:00", "reached": 60,
            "posters": 4}  # fmt: skip


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}"))


@pytest.fixture
def keys(client: TestClient) -> dict[str, dict[str, str]]:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    made = {
        "officer": ("officer", "JZ1001"), "xingfu": ("community", "幸福里社区"), "dongfeng": ("community", "东风社区"),
        "bank": ("bank", "工商银行"),
    }  # fmt: skip
    out = {
        name: {"X-API-Key": create_key(engine, role=role, label=label)}
        for name, (role, label) in made.items()
    }
    for name, district in (("幸福里社区", "城关区"), ("东风社区", "城关区")):
        body = {"district": district, "population": 8000, "registration_target": 3000, "activities_target": 4}
        assert (
            client.put(f"/v1/outreach/communities/{name}", json=body, headers=out["officer"]).status_code
            == 200
        )
    return out


def test_roles(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    assert client.get("/v1/outreach/activities").status_code == 401
    assert client.get("/v1/outreach/activities", headers=keys["bank"]).status_code == 403
    assert client.put("/v1/outreach/communities/甲", json={}, headers=keys["xingfu"]).status_code == 403
    assert client.get("/v1/outreach/report", headers=keys["xingfu"]).status_code == 403
    assert [c["name"] for c in client.get("/v1/outreach/communities", headers=keys["xingfu"]).json()] == [
        "幸福里社区"
    ]
    assert len(client.get("/v1/outreach/communities", headers=keys["officer"]).json()) == 2


def test_a_community_records_its_own_activity_with_a_photo_and_others_cannot_see_it(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    made = client.post("/v1/outreach/activities", json=ACTIVITY, headers=keys["xingfu"])
    assert made.status_code == 201, made.text
    activity = made.json()
    assert activity["community"] == "幸福里社区" and activity["recorded_by"] == "幸福里社区"
    assert activity["started_at"] == "2026-11-12T15:00:00+08:00"
    path = f"/v1/outreach/activities/{activity['id']}"
    up = client.post(
        path + "/attachments", files={"file": ("现场.png", PNG, "image/png")}, headers=keys["xingfu"]
    )
    assert up.status_code == 201 and up.json()["content_type"] == "image/png"
    photo = client.get(f"/v1/outreach/attachments/{up.json()['id']}", headers=keys["xingfu"])
    assert photo.content == PNG and photo.headers["content-type"] == "image/png"
    for call in (
        client.get(path, headers=keys["dongfeng"]),
        client.patch(path, json={"reached": 1}, headers=keys["dongfeng"]),
        client.get(f"/v1/outreach/attachments/{up.json()['id']}", headers=keys["dongfeng"]),
        client.post(
            "/v1/outreach/activities", json=ACTIVITY | {"community": "幸福里社区"}, headers=keys["dongfeng"]
        ),
        client.get("/v1/outreach/activities?community=幸福里社区", headers=keys["dongfeng"]),
    ):
        assert call.status_code == 404, call.text
    assert client.get("/v1/outreach/activities", headers=keys["dongfeng"]).json() == []
    assert client.patch(path, json={"reached": 75}, headers=keys["officer"]).json()["reached"] == 75


@pytest.mark.parametrize(
    ("change", "status", "words"),
    [
        ({"kind": "聚餐"}, 422, "活动类型须为"),
        ({"posters": -1}, 422, "不能小于 0"),
        ({"started_at": "9999-12-31T23:59:59-14:00"}, 422, "超出可接受的范围"),
        ({"started_at": "2099-01-01T00:00:00+08:00"}, 422, "超出可接受的范围"),
        ({"community": "不存在"}, 404, "请先在社区名册中登记"),
    ],
)
def test_bad_activities_get_chinese_errors(
    client: TestClient, keys: dict[str, dict[str, str]], change: dict, status: int, words: str
) -> None:
    body = ACTIVITY | {"community": "幸福里社区"} | change
    answer = client.post("/v1/outreach/activities", json=body, headers=keys["officer"])
    assert answer.status_code == status and words in answer.text, answer.text


def test_officers_must_name_the_community(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    answer = client.post("/v1/outreach/activities", json=ACTIVITY, headers=keys["officer"])
    assert answer.status_code == 422 and "请填写社区" in answer.json()["detail"]


def test_scorecards_and_the_report(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    client.post("/v1/outreach/activities", json=ACTIVITY, headers=keys["xingfu"])
    own = client.get("/v1/outreach/scorecards?period=2026-11", headers=keys["xingfu"]).json()
    assert [c["community"] for c in own["cards"]] == ["幸福里社区"]
    assert own["cards"][0]["figures"][3]["shown"] == "1/4"
    every = client.get(
        "/v1/outreach/scorecards?period=2026-11&district=城关区", headers=keys["officer"]
    ).json()
    assert len(every["cards"]) == 2
    bad = client.get("/v1/outreach/scorecards?period=2026-13", headers=keys["officer"])
    assert bad.status_code == 422 and "不是有效的月份" in bad.json()["detail"]
    html = client.get("/v1/outreach/report?period=2026-11&district=城关区", headers=keys["officer"])
    assert "督导考评" in html.text
    xlsx = client.get("/v1/outreach/report?period=2026-11&format=xlsx", headers=keys["officer"])
    assert load_workbook(io.BytesIO(xlsx.content)).sheetnames == ["汇总", "社区考评", "图表", "活动明细"]
    assert "attachment" in xlsx.headers["content-disposition"]
    pdf = client.get("/v1/outreach/report?period=2026-11&format=pdf", headers=keys["officer"])
    assert pdf.content.startswith(b"%PDF-")


def test_quiz_sessions_belong_to_their_community(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    body = {
        "title": "城关一中竞答",
        "venue_kind": "学校",
        "place": "城关一中",
        "participants": 45,
        "count": 5,
    }
    made = client.post("/v1/outreach/quizzes", json=body, headers=keys["xingfu"])
    assert made.status_code == 201, made.text
    session = made.json()
    assert session["community"] == "幸福里社区" and len(session["questions"]) == 5
    answers = [q["answer"] for q in session["questions"]]
    scored = client.post(f"/v1/outreach/quizzes/{session['id']}/attempts", json={"answers": answers, "nickname": "三班"},
                         headers=keys["xingfu"])  # fmt: skip
    assert scored.json()["score"] == 5
    assert client.get(f"/v1/outreach/quizzes/{session['id']}", headers=keys["dongfeng"]).status_code == 404
    assert client.get(f"/v1/outreach/quizzes/{session['id']}", headers=keys["xingfu"]).json()[
        "scoreboard"
    ] == [["三班", 5, 5]]
    # not a public session
    assert (
        client.post(f"/v1/public/quizzes/{session['id']}/attempts", json={"answers": []}).status_code == 404
    )


def test_the_public_quiz_needs_no_key_and_hides_the_answers(client: TestClient) -> None:
    quiz = client.get("/v1/public/quizzes/current").json()
    assert len(quiz["questions"]) == 10 and "answer" not in quiz["questions"][0]
    assert client.get("/v1/public/quizzes/current").json()["id"] == quiz["id"]
    scored = client.post(
        f"/v1/public/quizzes/{quiz['id']}/attempts", json={"answers": [0] * 10, "nickname": "游客"}
    )
    assert scored.status_code == 201 and 0 <= scored.json()["score"] <= 10
    too_many = client.post(f"/v1/public/quizzes/{quiz['id']}/attempts", json={"answers": [0] * 11})
    assert too_many.status_code == 422


def test_the_public_case_library(client: TestClient) -> None:
    assert client.get("/v1/public/cases").json() == {"total": 0, "page": 1, "cases": []}
    bad = client.get("/v1/public/cases?fraud_type=nonsense")
    assert bad.status_code == 422 and "未知的诈骗类型" in bad.json()["detail"]
