"""The trigger lexicon (cameo_verbs.jsonl, event_nouns.jsonl) built by scripts/build_lexicon.py.

The committed files must be what the script makes of the CAMEO dictionary; what the script does
with the corpus is tested on small texts written here; and no verb form, pattern alternative or
noun may match an evaluation sentence unless it also matches a corpus document (issue 7: the
trigger alternatives fitted to single GSR sentences).
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from types import ModuleType
from typing import Any

import pytest

from communique.sentence_eval import load_petrarch, load_plover
from tests.helpers import ROOT, SHARED


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "scripts" / "build_lexicon.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_lexicon"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


bl = _load_script()


@pytest.fixture(scope="module")
def parsed() -> Any:
    return bl.parse_dictionary(bl.DICTIONARY.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def kept(parsed: Any) -> Any:
    return bl.reapply(parsed, bl.read_jsonl(bl.VERBS_OUT))


# ---------------------------------------------------------------- the committed files


def test_lexicon_verbs_file_is_the_parse_of_the_dictionary(kept: Any) -> None:
    assert bl.dumps(bl.verb_rows(kept)) == bl.VERBS_OUT.read_text(encoding="utf-8")


def test_lexicon_nouns_file_is_derived_from_kept_patterns_and_codebook(parsed: Any, kept: Any) -> None:
    committed = {(r["noun"], r["code"]): r for r in bl.read_jsonl(bl.NOUNS_OUT)}
    derived = bl.derived_nouns(parsed, kept, bl.PLOVER_MANUAL.read_text(encoding="utf-8"))
    assert {(n.noun, n.code) for n in derived} == set(committed)  # the generator dropped none
    rebuilt = [replace(n, forms=tuple(f for f in n.forms if f in committed[(n.noun, n.code)]["forms"]),
                       docs=committed[(n.noun, n.code)]["docs"]) for n in derived]
    assert bl.dumps(bl.noun_rows(rebuilt)) == bl.NOUNS_OUT.read_text(encoding="utf-8")


def test_lexicon_cameo_jsonl_agrees_with_the_plover_table() -> None:
    rows = bl.read_jsonl(bl.CAMEO_OUT)
    _, diffs = bl.reconcile_cameo(rows, bl.read_plover_table(bl.PLOVER_TABLE.read_text(encoding="utf-8")))
    assert diffs == []


def test_lexicon_reconcile_rewrites_only_plover_and_mode() -> None:
    rows = [{"code": "042", "name": "Make a visit", "goldstein": 1.9, "quad_class": 1, "plover": "SUPPORT", "mode": ""},
            {"code": "01", "name": "Make public statement", "goldstein": 0.0, "quad_class": 1, "plover": None, "mode": ""}]
    table = bl.read_plover_table("04: CONSULT\n042: CONSULT, visit,   # Make a visit\n043: CONSULT, visit, # Host\n")
    out, diffs = bl.reconcile_cameo(rows, table)
    assert out[0] == {**rows[0], "plover": "CONSULT", "mode": "visit"}
    assert out[1] == rows[1]
    assert diffs == ["042: SUPPORT/'' -> CONSULT/'visit'", "04: in the table (CONSULT), no cameo.jsonl row",
                     "043: in the table (CONSULT), no cameo.jsonl row"]


# ---------------------------------------------------------------- reading the dictionary format


def _one_block(text: str) -> tuple[Any, Any]:
    d = bl.parse_dictionary(text)
    assert len(d.blocks) == 1, d.notes
    return d.blocks[0], d


def test_lexicon_block_paired_code_is_inherited_by_its_verbs() -> None:
    block, _ = _one_block("---  VISIT   [042:043]  ---\nVISIT\nTOUR [042]\n")
    assert (block.code, block.paired) == ("042", "043")
    assert [(v.verb, v.code, v.paired) for v in block.verbs] == [("visit", "042", "043"), ("tour", "042", None)]


def test_lexicon_pattern_codes_plain_paired_reversed_and_no_event() -> None:
    block, _ = _one_block("---  HOLD  [---]  ---\nHOLD {HOLDS HOLDING HELD }\n"
                          "- * SUMMIT  [040:040]  # HOLD\n- * RALLY [141]\n- * VOTE [:020]\n- * SESSION [---]\n")
    assert [(p.code, p.paired) for p in block.patterns] == [("040", "040"), ("141", None), (None, "020"), ("---", None)]
    assert block.patterns[0].source == "hold"


def test_lexicon_irregular_forms_in_braces_replace_generated_ones() -> None:
    block, _ = _one_block("---  CONFINE   [170]  ---\nHOLD {HOLDS HOLDING HELD } [---] # HUX 10/10/97\nJAIL  [173]\n")
    hold, jail = block.verbs
    assert (hold.forms, hold.code) == (("hold", "holds", "holding", "held"), "---")
    assert (jail.forms, jail.code) == (("jail", "jails", "jailed", "jailing"), "173")


@pytest.mark.parametrize(("stem", "forms"), [
    ("agree", ["agree", "agrees", "agreed", "agreeing"]),
    ("negotiate", ["negotiate", "negotiates", "negotiated", "negotiating"]),
    ("tax", ["tax", "taxes", "taxed", "taxing"]),
    ("deny", ["deny", "denies", "denyed", "denying"]),  # PETRARCH2's rule; the corpus drops 'denyed'
])
def test_lexicon_regular_forms_follow_petrarch2(stem: str, forms: list[str]) -> None:
    assert bl.regular_forms(stem) == forms


@pytest.mark.parametrize(("stem", "spellings"), [
    ("continue", {"continuing"}), ("launch", {"launches"}), ("deploy", {"deploys"}),
    ("modify", {"modified"}), ("slam", {"slammed", "slamming"}), ("die", {"dying"}),
])
def test_lexicon_verb_forms_add_the_english_spellings_petrarch2_misses(stem: str, spellings: set[str]) -> None:
    forms = bl.verb_forms(stem)
    assert spellings <= set(forms) and forms[:4] == bl.regular_forms(stem)


def test_lexicon_multi_word_verbs_mark_the_verb_word() -> None:
    block, d = _one_block("---  STOP  [---]  ---\n+CALL_OFF [160]\nRE_+ARREST\n+SHUT_DOWN {+SHUTS_DOWN +SHUTTING_DOWN }\n"
                          "+WIRE_TAP {+WIRE_TAPS +WIRE_TAPPED +WIRE_TAPPING }\n")
    call, rearrest, shut, tap = block.verbs
    assert (call.words, call.head, call.forms, call.code) == (("call", "off"), 0, ("call", "calls", "called", "calling"), "160")
    assert (rearrest.words, rearrest.head, rearrest.forms[:2]) == (("re", "arrest"), 1, ("arrest", "arrests"))
    assert shut.forms == ("shut", "shuts", "shutting")
    assert call.phrases()[2] == ("called", "off")
    assert (tap.head, tap.forms) == (1, ("tap", "taps", "tapped", "tapping"))  # '+' on WIRE, but TAP inflects
    assert any("wire" in n and "inflects" in n for n in d.notes)


def test_lexicon_synonym_sets_get_plurals_unless_marked_with_underscore() -> None:
    d = bl.parse_dictionary("&CURRENCY\n+DOLLAR\n+KRONE_\n+ROUND_TABLE\n+PENNY\n\n&AUXVERB_\n+WILL\n+IS_TO\n")
    assert d.synsets["&CURRENCY"] == ("dollar", "dollars", "krone", "round table", "round tables", "penny", "pennies")
    assert d.synsets["&AUXVERB"] == ("will", "is to")


def test_lexicon_pattern_slots_phrases_synsets_markers_and_prepositions() -> None:
    block, _ = _one_block("&NEGOTIATION\n+NEGOTIATION\n+DIALOGUE\n\n---  HOLD  [---]  ---\nHOLD\n"
                          "- $ * {ROUND TABLE} (WITH &NEGOTIATION) + [046]  # HOLD\n")
    p = block.patterns[0]
    assert p.before == (("$",),)
    assert p.after == (("round table", "round tables"), ("with",),
                       ("negotiation", "negotiations", "dialogue", "dialogues"), ("+",))


def test_lexicon_patterns_petrarch_would_skip_are_skipped_with_a_note() -> None:
    block, d = _one_block("---  BRAND  [---]  ---\nBRAND\n- * &FIGHT_CRIM [1124]\n- * VENTURE (WITH VISIT)  VISIT)[042:043]\n"
                          "- * DOWN (FROM) [080!]\n- * TALKS [046]\n- * TALKS [046]\n")
    assert [(p.line, p.after, p.code) for p in block.patterns] == [
        (4, (("venture", "ventures"), ("with",), ("visit", "visits")), "042"), (5, (("down",), ("from",)), "080"),
        (6, (("talks", "talkes"),), "046")]
    notes = " | ".join(d.notes)
    assert "undefined synonym set &FIGHT_CRIM" in notes and "stray ')'" in notes and "[080!]" in notes
    assert "line 7: repeats an earlier pattern" in notes


def test_lexicon_slash_in_a_pattern_word_gives_alternatives() -> None:
    block, _ = _one_block("---  GATHER  [---]  ---\nGATHER\n- * (TO/FOR PROTEST) [141]\n")
    assert block.patterns[0].after == (("to", "for"), ("protest", "protests"))


# ---------------------------------------------------------------- attestation, on texts written here

SMALL = """&NEGOTIATION
+TALK
+NEGOTIATION

---  HOLD  [---]  ---
HOLD {HOLDS HOLDING HELD }
- * TALKS [046]  # HOLD
- TALKS * [046]  # HOLD
- * SUMMIT [040]  # HOLD
- * &NEGOTIATION [046]  # HOLD
- * $ (WITH +) [046]  # HOLD

---  TAX  [---]  ---
TAX
"""

TEXTS = [
    ("a", "The ministers held talks in Hanoi. Nothing else happened."),
    ("b", "They hold, after a long and detailed exchange of letters, another round of talks."),
    ("c", "Talks were held on Monday."),
    ("d", "The leaders held what one official described as a long series of frank and very detailed talks."),
    ("e", "The two delegations held negotiations with the host."),
]


def test_lexicon_attestation_keeps_what_the_texts_attest() -> None:
    d = bl.parse_dictionary(SMALL)
    index = bl.CorpusIndex(TEXTS)
    att = bl.attest(d, index)
    (hold,) = att.blocks  # TAX occurs nowhere: its block goes
    assert att.dropped_blocks == 1
    assert hold.verbs[0].forms == ("hold", "held") and hold.verbs[0].docs == 5
    by_line = {p.line: p for p in hold.patterns}
    assert by_line[7].docs == 2  # a and b; in d 'talks' is 13 words after 'held', past the window
    assert by_line[8].docs == 1  # c: 'Talks were held'
    assert 9 not in by_line  # no summit anywhere
    assert by_line[10].after == (("talks", "negotiations"),) and by_line[10].docs == 3  # "talk" never alone
    assert by_line[11].docs == 1  # markers match any word or none: 'held negotiations with the host'


def test_lexicon_sentences_do_not_run_into_each_other() -> None:
    assert bl.sentences("Mr. Biden held talks. Summit next.\nU.S. officials met.") == \
        ["Mr. Biden held talks.", "Summit next.", "U.S. officials met."]
    index = bl.CorpusIndex([("a", "Leaders held meetings. Talks followed later.")])
    att = bl.attest(bl.parse_dictionary(SMALL), index)
    assert 7 not in {p.line for p in att.blocks[0].patterns}  # 'held' and 'talks' are in two sentences


def test_lexicon_corpus_reader_reads_every_publisher() -> None:
    names = [name for name, _ in bl.corpus_documents()]
    publishers = {n.split("/")[0] for n in names}
    assert publishers == {"whitehouse", "state-dept", "kremlin", "ukraine", "nz-beehive", "australia-pm"}
    assert len(names) == len(set(names)) > 13_000


# ---------------------------------------------------------------- the fitted-alternative guard


def test_lexicon_nothing_matches_evaluation_sentences_without_matching_the_corpus() -> None:
    """Every verb form, pattern, pattern alternative and noun form of the committed files that
    matches a PLOVER-GSR or PETRARCH-2 validation sentence also matches a corpus document,
    recomputed on the corpus here (the stored `docs` are not trusted)."""
    kept = bl.blocks_from_rows(bl.read_jsonl(bl.VERBS_OUT))
    gold = [(g.id, g.text) for g in load_plover(SHARED / "eval" / "plover-gsr")]
    gold += [(g.id, g.text) for g in load_petrarch(SHARED / "eval" / "petrarch2-gsr")]
    assert len(gold) > 300
    lexicon = bl.Dictionary(blocks=kept, synsets={}, notes=[])
    in_gold = bl.attest(lexicon, bl.CorpusIndex(gold))
    nouns = [bl.Noun(noun=r["noun"], forms=tuple(r["forms"]), code=r["code"], source=r["source"])
             for r in bl.read_jsonl(bl.NOUNS_OUT)]
    nouns_in_gold, _ = bl.attest_nouns(nouns, bl.CorpusIndex(gold))
    assert sum(len(b.patterns) for b in in_gold.blocks) > 100 and len(nouns_in_gold) > 10  # the check has teeth

    # patterns are checked with every kept verb of their block, as the lexicon applies them
    verbs_of = {b.line: b.verbs for b in kept}
    to_check = bl.Dictionary(blocks=[replace(b, verbs=verbs_of[b.line]) for b in in_gold.blocks], synsets={}, notes=[])
    words = bl.lexicon_words(to_check) | {w for n in nouns_in_gold for f in n.forms for w in bl.tokenize(f)}
    corpus = bl.CorpusIndex(bl.corpus_documents(), words)
    recheck = bl.attest(to_check, corpus)
    in_corpus = {(b.line, v.line, f) for b in recheck.blocks for v in b.verbs for f in v.forms}
    missing = [f"{b.name} line {v.line}: {f}" for b in in_gold.blocks for v in b.verbs for f in v.forms
               if (b.line, v.line, f) not in in_corpus]
    alts = {(b.line, p.line, side, i, a) for b in recheck.blocks for p in b.patterns
            for side, slots in (("before", p.before), ("after", p.after)) for i, s in enumerate(slots) for a in s}
    for b in in_gold.blocks:
        for p in b.patterns:
            for side, slots in (("before", p.before), ("after", p.after)):
                missing += [f"{b.name} line {p.line}: {a!r}" for i, s in enumerate(slots) for a in s
                            if (b.line, p.line, side, i, a) not in alts]
    nouns_in_corpus, _ = bl.attest_nouns(nouns_in_gold, corpus)
    have = {(n.noun, n.code, f) for n in nouns_in_corpus for f in n.forms}
    missing += [f"noun {n.noun} [{n.code}]: {f}" for n in nouns_in_gold for f in n.forms if (n.noun, n.code, f) not in have]
    assert missing == []
