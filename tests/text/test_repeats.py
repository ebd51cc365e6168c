import hashlib
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_support import corpus_name
from viewer.text.repeats import MIN_CHARS, normalised, paragraph_hash
from viewer.text.sentences import split_paragraphs


def test_hash_ignores_spacing_and_punctuation_but_not_words() -> None:
    a = paragraph_hash("全市高新技术企业数量达到312家，同比增长20%。")
    assert a == paragraph_hash("全市高新技术企业数量达到312家, 同比增长20% ")
    assert a != paragraph_hash("全市高新技术企业数量达到313家，同比增长20%。")


def test_short_paragraphs_are_not_compared() -> None:
    assert paragraph_hash("中车宣传部供图") is None
    assert paragraph_hash("字" * MIN_CHARS) is not None


def test_the_fingerprint_is_the_first_8_bytes_of_the_sha1_of_the_letters_and_digits() -> None:
    """As migration 23 turns the fingerprints stored before (20 hexadecimal digits) into integers."""
    fragment = "青溪区技术合同登记额达到8.5亿元，增长12%。"
    digest = hashlib.sha1(normalised(fragment).encode("utf-8")).hexdigest()
    value = paragraph_hash(fragment)
    assert value == int.from_bytes(bytes.fromhex(digest[:16]), "big", signed=True)
    assert value is not None and -(2**63) <= value < 2**63


def test_paragraphs_share_a_fingerprint_exactly_when_they_shared_the_hexadecimal_one() -> None:
    sentences = [f"白沙县{n % 7}年新增科技型企业{n % 5}家，较上年增长{n % 3}个百分点。" for n in range(200)]
    sentences += [s.replace("，", " , ") for s in sentences[:50]]

    def old_hash(fragment: str) -> str:
        return hashlib.sha1(normalised(fragment).encode("utf-8")).hexdigest()[:20]

    def groups(hash_of: object) -> set[frozenset[int]]:
        found: dict[object, set[int]] = {}
        for index, sentence in enumerate(sentences):
            found.setdefault(hash_of(sentence), set()).add(index)  # type: ignore[operator]
        return {frozenset(members) for members in found.values()}

    assert groups(paragraph_hash) == groups(old_hash)
    assert len(groups(paragraph_hash)) == 105


def test_report_001_repeats_its_key_paragraphs(corpus: dict[str, str]) -> None:
    text = corpus[corpus_name("001")]
    hashes = [paragraph_hash(text[p.start : p.end]) for p in split_paragraphs(text)]
    counts = Counter(h for h in hashes if h is not None)
    repeated = {h: n for h, n in counts.items() if n > 1}
    assert len(repeated) >= 10, "001 pastes many 【重点N】 paragraphs several times"
    assert max(repeated.values()) >= 3


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("甲乙丙12３４aBｃ_ .,，。、%％\t\u00a0　①Ⅱ\u0301é\U0001F600\U00020000"), max_size=60))
def test_normalised_keeps_exactly_the_letters_and_digits(fragment: str) -> None:
    assert normalised(fragment) == "".join(ch for ch in fragment if ch.isalnum())
