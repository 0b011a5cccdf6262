"""The shipped curriculum, and the checks that name the line and field of every problem."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from imr_tui.curriculum import (
    Curriculum,
    CurriculumError,
    Problem,
    check_curriculum,
    default_curriculum_path,
    load_curriculum,
)
from imr_tui.errors import BadInputError
from imr_tui.i18n import set_language

HURDALSJOEN_ORDER = [
    "recovery-strategies",
    "facts-mental-illness",
    "facts-substance-use",
    "stress-vulnerability",
    "coping-with-stress",
    "social-support",
    "medication",
    "persistent-symptoms",
    "healthy-lifestyle",
    "relapse-prevention",
    "getting-needs-met",
]
SESSION_PARTS = [
    "welcome",
    "last-session",
    "home-assignment-review",
    "goal-follow-up",
    "agenda",
    "new-material",
    "summary",
    "next-step",
]

# A small valid curriculum; each test breaks one thing in it.
VALID = """\
format: 1
name:
  nb: Testkurs
  en: Test course
session_structure:
  group_minutes: 60
  individual_minutes: 45
  parts:
    - id: welcome
      title:
        nb: Velkommen
        en: Welcome
      group_minutes: 10
      individual_minutes: 5
    - id: new-material
      title:
        nb: Nytt stoff
        en: New material
      group_minutes: 40
      individual_minutes: 30
modules:
  - id: first-module
    number: 1
    title:
      nb: Første modul
      en: First module
    individual: true
    suggested_sessions: 4
    topics:
      - id: first-topic
        title:
          nb: Første emne
          en: First topic
        key_points:
          - nb: Første punkt
            en: First point
          - nb: Andre punkt
            en: Second point
        home_assignment:
          nb: Gjør noe
          en: Do something
  - id: second-module
    number: 2
    title:
      nb: Andre modul
      en: Second module
    suggested_sessions: 3
    topics:
      - id: second-topic
        title:
          nb: Andre emne
          en: Second topic
        key_points:
          - nb: Tredje punkt
            en: Third point
"""


@pytest.fixture(autouse=True)
def restore_language() -> Iterator[None]:
    yield
    set_language("nb")


@pytest.fixture
def english() -> None:
    set_language("en")


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the only line in `text` that contains `needle`."""
    lines = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(lines) == 1, f"{needle!r} is on lines {lines}"
    return lines[0]


def broken(old: str, new: str) -> str:
    """VALID with the one occurrence of `old` replaced by `new`."""
    assert VALID.count(old) == 1, f"{old!r} must occur once"
    return VALID.replace(old, new)


def check_text(tmp_path: Path, text: str) -> tuple[Curriculum | None, list[Problem]]:
    path = tmp_path / "curriculum.yaml"
    path.write_text(text, encoding="utf-8")
    return check_curriculum(path)


def places(problems: list[Problem]) -> list[tuple[int, str]]:
    return [(problem.line, problem.field) for problem in problems]


def only_problem(tmp_path: Path, text: str) -> Problem:
    curriculum, problems = check_text(tmp_path, text)
    assert curriculum is None
    assert len(problems) == 1, problems
    return problems[0]


# The shipped curriculum


def test_the_shipped_curriculum_loads_without_problems() -> None:
    curriculum, problems = check_curriculum(default_curriculum_path())
    assert problems == []
    assert curriculum is not None


def test_the_shipped_modules_follow_the_hurdalsjoen_order() -> None:
    curriculum = load_curriculum()
    assert [module.id for module in curriculum.modules] == HURDALSJOEN_ORDER
    assert [module.number for module in curriculum.modules] == list(range(1, 12))
    assert [module.individual for module in curriculum.modules] == [True] + [False] * 10
    assert curriculum.module("medication").title.nb == "Effektiv bruk av medisiner"


def test_the_shipped_session_has_the_eight_parts_within_the_hour() -> None:
    structure = load_curriculum().structure
    assert [part.id for part in structure.parts] == SESSION_PARTS
    assert [part.group_minutes for part in structure.parts] == [5, 5, 10, 10, 2, 20, 3, 5]
    assert (structure.group_minutes, structure.individual_minutes) == (60, 45)
    assert sum(part.group_minutes for part in structure.parts) <= 60
    assert sum(part.individual_minutes for part in structure.parts) <= 45


def test_the_shipped_topics_have_a_readable_amount_of_key_points() -> None:
    for module in load_curriculum().modules:
        assert 3 <= len(module.topics) <= 6, module.id
        for topic in module.topics:
            assert 2 <= len(topic.key_points) <= 5, (module.id, topic.id)
            assert topic.home_assignment is not None, (module.id, topic.id)


def test_the_default_path_is_the_shipped_file() -> None:
    path = default_curriculum_path()
    assert path.is_file()
    assert path.name == "curriculum.yaml"
    assert load_curriculum(None).source == path


def test_the_small_valid_file_loads_into_the_model(tmp_path: Path) -> None:
    curriculum, problems = check_text(tmp_path, VALID)
    assert problems == []
    assert curriculum is not None
    assert curriculum.source == tmp_path / "curriculum.yaml"
    assert curriculum.name.en == "Test course"
    first, second = curriculum.modules
    assert (first.individual, second.individual) == (True, False)
    assert first.topics[0].key_points[1].nb == "Andre punkt"
    assert first.topics[0].home_assignment is not None and first.topics[0].home_assignment.en == "Do something"
    assert second.topics[0].home_assignment is None
    assert curriculum.structure.parts[1].minutes(individual=True) == 30


def test_modules_are_ordered_by_number_not_by_place_in_the_file(tmp_path: Path) -> None:
    swapped = (
        VALID.replace("number: 1", "number: X").replace("number: 2", "number: 1").replace("number: X", "number: 2")
    )
    curriculum, problems = check_text(tmp_path, swapped)
    assert problems == []
    assert curriculum is not None
    assert [module.id for module in curriculum.modules] == ["second-module", "first-module"]


def test_the_same_topic_id_may_be_used_in_two_modules(tmp_path: Path) -> None:
    _, problems = check_text(tmp_path, broken("      - id: second-topic\n", "      - id: first-topic\n"))
    assert problems == []


def test_parts_that_fill_the_session_exactly_are_allowed(tmp_path: Path) -> None:
    _, problems = check_text(tmp_path, broken("      group_minutes: 40\n", "      group_minutes: 50\n"))
    assert problems == []


# One kind of problem per file, with its exact line and field


def test_an_unknown_key_names_the_allowed_keys(tmp_path: Path, english: None) -> None:
    text = broken("    suggested_sessions: 3\n", "    suggested_sessions: 3\n    colour: blue\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "colour: blue"), "modules[1].colour")
    assert problem.message == (
        "unknown key 'colour'; allowed keys here: id, number, title, suggested_sessions, topics, individual"
    )


def test_an_unknown_top_level_key(tmp_path: Path) -> None:
    text = VALID + "version: 3\n"
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "version: 3"), "version")


def test_an_unknown_language_in_a_text(tmp_path: Path, english: None) -> None:
    text = broken("      en: Second module\n", "      en: Second module\n      de: Zweites Modul\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "de: Zweites"), "modules[1].title.de")
    assert problem.message.endswith("allowed keys here: nb, nn, en")


def test_a_missing_required_key_is_reported_where_its_mapping_starts(tmp_path: Path, english: None) -> None:
    text = broken("    suggested_sessions: 3\n", "")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "- id: second-module"), "modules[1].suggested_sessions")
    assert problem.message == (
        "required key is missing; the keys needed here are: id, number, title, suggested_sessions, topics"
    )


def test_a_missing_top_level_key(tmp_path: Path) -> None:
    text = broken("format: 1\n", "")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (1, "format")


def test_a_missing_bokmaal_text(tmp_path: Path, english: None) -> None:
    text = broken("          nb: Andre emne\n", "")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "en: Second topic") - 1, "modules[1].topics[0].title.nb")
    assert problem.message == "the bokmål text is missing; every text needs nb (bokmål), and may add nn (nynorsk) and en (English)"


@pytest.mark.parametrize("empty", ['""', "", "'   '"])
def test_an_empty_translation(tmp_path: Path, english: None, empty: str) -> None:
    text = broken("            en: Third point\n", f"            en: {empty}\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (
        line_of(text, "nb: Tredje punkt") + 1,
        "modules[1].topics[0].key_points[0].en",
    )
    assert problem.message.startswith("the translation is empty")


def test_a_text_without_translations(tmp_path: Path, english: None) -> None:
    text = broken("    title:\n      nb: Andre modul\n      en: Second module\n", "    title: Second module\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "title: Second module"), "modules[1].title")
    assert problem.message == (
        "must be text per language (an 'nb:' line, and 'nn:' and 'en:' lines if wanted), not 'Second module'"
    )


def test_a_translation_that_is_not_text(tmp_path: Path, english: None) -> None:
    text = broken("            en: Third point\n", "            en: 42\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "en: 42"), "modules[1].topics[0].key_points[0].en")
    assert problem.message == "must be plain text, not 42"


def test_individual_must_be_true_or_false(tmp_path: Path, english: None) -> None:
    text = broken("    individual: true\n", "    individual: yes\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "individual: yes"), "modules[0].individual")
    assert problem.message == "must be either true or false, not 'yes'"


def test_key_points_must_be_a_list(tmp_path: Path, english: None) -> None:
    text = broken("          - nb: Tredje punkt\n            en: Third point\n", "          nb: Tredje punkt\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "nb: Tredje punkt") - 1, "modules[1].topics[0].key_points")
    assert problem.message == "must be a list (lines starting with '- '), not keys and values (a mapping)"


def test_a_part_must_be_a_mapping(tmp_path: Path, english: None) -> None:
    text = broken("modules:\n", "    - just a part\nmodules:\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "just a part"), "session_structure.parts[2]")
    assert problem.message.startswith("must be a mapping with the keys id, title, group_minutes, individual_minutes")


def test_duplicate_module_numbers(tmp_path: Path, english: None) -> None:
    text = broken("    number: 2\n", "    number: 1\n")
    _, problems = check_text(tmp_path, text)
    duplicate_line = line_of(text, "- id: second-module") + 1
    assert places(problems) == [(line_of(text, "modules:"), "modules"), (duplicate_line, "modules[1].number")]
    first_line = line_of(text, "- id: first-module") + 1
    assert problems[1].message == (
        f"the module number 1 is already used on line {first_line}; each module needs its own number"
    )
    assert problems[0].message.endswith("missing: 2")


def test_duplicate_module_ids(tmp_path: Path, english: None) -> None:
    text = broken("  - id: first-module\n", "  - id: first-module  # first\n").replace(
        "  - id: second-module\n", "  - id: first-module  # again\n"
    )
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "# again"), "modules[1].id")
    first_line = line_of(text, "# first")
    assert problem.message == (
        f"the module id 'first-module' is already used on line {first_line}; each module needs its own id"
    )


def test_duplicate_topic_ids_within_a_module(tmp_path: Path) -> None:
    second_topic_again = (
        "      - id: second-topic  # again\n"
        "        title:\n          nb: Emne igjen\n          en: Topic again\n"
        "        key_points:\n          - nb: Punkt\n            en: Point\n"
    )
    text = VALID + second_topic_again
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "# again"), "modules[1].topics[1].id")


def test_duplicate_part_ids(tmp_path: Path) -> None:
    text = broken("    - id: new-material\n", "    - id: welcome  # again\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "# again"), "session_structure.parts[1].id")


@pytest.mark.parametrize(
    "bad_id",
    [
        "First-Module",
        "first_module",
        "first--module",
        "-first",
        "first-",
        "1st-module",
        "første-modul",
        "'first module'",
        "12",
    ],
)
def test_ids_must_be_kebab_case(tmp_path: Path, english: None, bad_id: str) -> None:
    text = broken("  - id: first-module\n", f"  - id: {bad_id}  # here\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "# here"), "modules[0].id")
    assert "lower-case letters a-z, digits and single hyphens" in problem.message


@pytest.mark.parametrize("bad_minutes", ["0", "-5", "2.5", "10.0", "true", "&anchored true", "ten", "''", "", "[10]"])
def test_minutes_must_be_a_positive_whole_number(tmp_path: Path, english: None, bad_minutes: str) -> None:
    text = broken("      group_minutes: 10\n", f"      group_minutes: {bad_minutes}  # here\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "# here"), "session_structure.parts[0].group_minutes")
    assert problem.message.startswith("must be a whole number of 1 or more, not ")


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("  group_minutes: 60\n", "  group_minutes: 60.0  # here\n", "session_structure.group_minutes"),
        ("    suggested_sessions: 3\n", "    suggested_sessions: 0  # here\n", "modules[1].suggested_sessions"),
        ("    number: 2\n", "    number: false  # here\n", "modules[1].number"),
    ],
)
def test_other_numbers_must_be_positive_whole_numbers(tmp_path: Path, old: str, new: str, field: str) -> None:
    text = broken(old, new)
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "# here"), field)


def test_parts_longer_than_a_group_session(tmp_path: Path, english: None) -> None:
    text = broken("      group_minutes: 40\n", "      group_minutes: 55\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "  parts:"), "session_structure.parts")
    assert problem.message == "the parts add up to 65 minutes in a group session, more than its 60 minutes"


def test_parts_longer_than_an_individual_session(tmp_path: Path, english: None) -> None:
    text = broken("      individual_minutes: 30\n", "      individual_minutes: 41\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "  parts:"), "session_structure.parts")
    assert problem.message == "the parts add up to 46 minutes in an individual session, more than its 45 minutes"


SECOND_MODULE_TOPICS = (
    "    topics:\n      - id: second-topic\n        title:\n          nb: Andre emne\n          en: Second topic\n"
    "        key_points:\n          - nb: Tredje punkt\n            en: Third point\n"
)


@pytest.mark.parametrize("empty", ["    topics: []\n", "    topics:\n"])
def test_a_module_without_topics(tmp_path: Path, english: None, empty: str) -> None:
    text = broken(SECOND_MODULE_TOPICS, empty)
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (len(text.splitlines()), "modules[1].topics")
    assert problem.message == "a module needs at least one topic"


def test_a_topic_without_key_points(tmp_path: Path, english: None) -> None:
    text = broken("          - nb: Tredje punkt\n            en: Third point\n", "")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (len(text.splitlines()), "modules[1].topics[0].key_points")
    assert problem.message == "a topic needs at least one key point"


def test_module_numbers_with_a_gap_say_which_are_missing(tmp_path: Path, english: None) -> None:
    text = broken("    number: 2\n", "    number: 3\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "modules:"), "modules")
    assert problem.message == "the module numbers must run from 1 to 2 without gaps; missing: 2"


def test_a_curriculum_without_modules(tmp_path: Path) -> None:
    text = VALID.split("modules:")[0] + "modules: []\n"
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "modules: []"), "modules")


def test_an_unsupported_format(tmp_path: Path, english: None) -> None:
    problem = only_problem(tmp_path, broken("format: 1\n", "format: 2\n"))
    assert (problem.line, problem.field) == (1, "format")
    assert problem.message == "format 2 is not supported; this version of imr-tui reads format 1"


@pytest.mark.parametrize(
    ("document", "found"), [("- a\n- b\n", "a list"), ("just text\n", "'just text'"), ("", "an empty value")]
)
def test_a_document_that_is_not_a_mapping(tmp_path: Path, english: None, document: str, found: str) -> None:
    problem = only_problem(tmp_path, document)
    assert (problem.line, problem.field) == (1, "document")
    assert problem.message.startswith("must be a mapping with the keys format, name, session_structure, modules, not ")
    assert found in problem.message


# Reporting


def test_every_problem_is_reported_at_once_in_line_order(tmp_path: Path) -> None:
    text = (
        broken("  - id: second-module\n", "  - id: Second_Module\n")
        .replace("      group_minutes: 10\n", "      group_minutes: ten\n")
        .replace("          nb: Første emne\n", "")
    )
    curriculum, problems = check_text(tmp_path, text)
    assert curriculum is None
    assert places(problems) == [
        (line_of(text, "group_minutes: ten"), "session_structure.parts[0].group_minutes"),
        (line_of(text, "en: First topic") - 1, "modules[0].topics[0].title.nb"),
        (line_of(text, "Second_Module"), "modules[1].id"),
    ]
    with pytest.raises(CurriculumError) as raised:
        load_curriculum(tmp_path / "curriculum.yaml")
    assert raised.value.problems == problems
    assert str(raised.value).splitlines() == [str(problem) for problem in problems]


def test_a_yaml_syntax_error_names_its_line(tmp_path: Path, english: None) -> None:
    text = broken("    suggested_sessions: 3\n", "    suggested_sessions: 3: 4\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "3: 4"), "yaml")
    assert problem.message.startswith("not valid YAML: ")


def test_a_key_given_twice_is_a_yaml_error(tmp_path: Path) -> None:
    text = broken("      en: Second module\n", "      en: Second module\n      en: Modul two\n")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "Modul two"), "yaml")


def test_a_missing_file_is_one_problem(tmp_path: Path, english: None) -> None:
    path = tmp_path / "nowhere.yaml"
    curriculum, problems = check_curriculum(path)
    assert curriculum is None
    assert problems == [
        Problem(str(path), 0, "file", "the file does not exist; give the path of a curriculum file (YAML)")
    ]


def test_a_folder_is_not_a_curriculum_file(tmp_path: Path) -> None:
    _, problems = check_curriculum(tmp_path)
    assert places(problems) == [(0, "file")]


def test_a_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "curriculum.yaml"
    path.write_bytes(VALID.replace("Første modul", "F\u00f8rste modul").encode("latin-1"))
    _, problems = check_curriculum(path)
    assert places(problems) == [(line_of(VALID, "nb: Første modul"), "file")]


def test_a_problem_reads_file_line_field_message() -> None:
    problem = Problem("kurs.yaml", 12, "modules[3].topics[0].key_points[2].en", "the translation is empty")
    assert str(problem) == "kurs.yaml:12: modules[3].topics[0].key_points[2].en: the translation is empty"


def test_load_curriculum_raises_a_bad_input_error(tmp_path: Path) -> None:
    path = tmp_path / "curriculum.yaml"
    path.write_text(broken("format: 1\n", "format: 3\n"), encoding="utf-8")
    with pytest.raises(BadInputError) as raised:
        load_curriculum(path)
    assert isinstance(raised.value, CurriculumError)
    assert raised.value.exit_code == 2
    assert raised.value.message == (
        f"{path}:1: format: format 3 støttes ikke; denne versjonen av imr-tui leser format 1"
    )


# Language


def test_messages_are_in_norwegian_by_default(tmp_path: Path) -> None:
    text = broken("    suggested_sessions: 3\n", "    suggested_sessions: 3\n    colour: blue\n")
    problem = only_problem(tmp_path, text)
    assert problem.message == (
        "ukjent nøkkel 'colour'; tillatte nøkler her: id, number, title, suggested_sessions, topics, individual"
    )


def test_a_composed_message_is_norwegian_in_every_part(tmp_path: Path) -> None:
    set_language("nb")
    text = broken("    individual: true\n", "    individual: [1]\n")
    problem = only_problem(tmp_path, text)
    assert problem.message == "må være enten true eller false, ikke en liste (linjer som begynner med '- ')"


def test_every_curriculum_message_has_a_bokmal_translation_with_the_same_placeholders() -> None:
    from babel.messages.extract import extract_from_file

    from imr_tui.i18n.catalogue import catalogue

    translations = catalogue("nb")
    package = Path(__file__).resolve().parent.parent / "imr_tui" / "curriculum"
    messages = {
        message
        for source in ("loader.py", "validate.py")
        for _line, message, _comments, _context in extract_from_file("python", str(package / source))
    }
    assert len(messages) > 20
    for message in messages:
        assert message in translations, message
        translated = translations[message]
        assert isinstance(translated, str)
        assert sorted(re.findall(r"\{\w+\}", translated)) == sorted(re.findall(r"\{\w+\}", message)), message


def test_the_validated_curriculum_is_cached_until_the_file_changes(tmp_path, monkeypatch) -> None:
    import shutil

    from imr_tui.curriculum import loader

    copy = tmp_path / "curriculum.yaml"
    shutil.copy(loader.default_curriculum_path(), copy)
    parsed = []
    real_check = loader.check_curriculum
    monkeypatch.setattr(loader, "check_curriculum", lambda path: parsed.append(path) or real_check(path))
    first = loader.load_curriculum(copy)
    again = loader.load_curriculum(copy)
    assert again == first and len(parsed) == 1
    copy.write_text(copy.read_text(encoding="utf-8").replace("group_minutes: 20", "group_minutes: 200", 1), encoding="utf-8")
    with pytest.raises(loader.CurriculumError):
        loader.load_curriculum(copy)  # a changed file is validated again, never served stale
    assert len(parsed) == 2
