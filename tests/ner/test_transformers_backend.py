"""`--ner-model FOLDER` with a tiny randomly initialised Hugging Face model built here."""

from __future__ import annotations

from pathlib import Path

import pytest

transformers = pytest.importorskip("transformers")
tokenizers = pytest.importorskip("tokenizers")

from marsad.ner.backends import load_tagger  # noqa: E402
from marsad.ner.transformers_backend import TransformersTagger  # noqa: E402

LABELS = ["O", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
WORDS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "قال", "ستولتنبرغ", "إن", "الناتو", "مستعد", "."]


@pytest.fixture(scope="module")
def model_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hf-ner")
    vocab = {w: i for i, w in enumerate(WORDS)}
    core = tokenizers.Tokenizer(tokenizers.models.WordLevel(vocab, unk_token="[UNK]"))
    core.pre_tokenizer = tokenizers.pre_tokenizers.WhitespaceSplit()
    core.post_processor = tokenizers.processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    tokenizer = transformers.PreTrainedTokenizerFast(
        tokenizer_object=core, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]"
    )
    config = transformers.BertConfig(
        vocab_size=len(WORDS),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    transformers.BertForTokenClassification(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def test_a_model_folder_tags_every_word_with_marsad_labels(model_folder: Path) -> None:
    tagger = load_tagger(model_folder)
    assert isinstance(tagger, TransformersTagger)
    sentences = [["قال", "ستولتنبرغ", "إن", "الناتو", "مستعد", "."], [], ["كلمة", "مجهولة"]]
    tagged = tagger.tag_tokens(sentences)
    assert [len(t) for t in tagged] == [6, 0, 2]
    allowed = {"O"} | {f"{p}-{k}" for p in "BI" for k in ("PER", "ORG", "LOC", "MISC")}
    assert all(tag in allowed for tags in tagged for tag in tags)
    assert all(not (tags and tags[0].startswith("I-")) for tags in tagged)


def test_a_folder_that_is_not_a_model_is_a_clear_error(tmp_path: Path) -> None:
    from marsad.errors import UsageError

    with pytest.raises(UsageError, match="not a token-classification model folder"):
        load_tagger(tmp_path)
