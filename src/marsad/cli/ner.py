"""`marsad ner train|tag|eval`: the named-entity tagger on CoNLL files."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from marsad.ner.tagger import Tagger

app = typer.Typer(
    help="Train, run and evaluate the named-entity tagger on CoNLL files.", no_args_is_help=True
)
err = Console(stderr=True, soft_wrap=True)
SHARED = Path("../shared/datasets")

ModelOption = Annotated[
    Path | None,
    typer.Option("--model", help="A model file from `marsad ner train` (default: the shipped one)."),
]


@app.command("tag")
def tag_command(
    conll: Annotated[Path, typer.Option("--conll", help="One token per line, blank line between sentences.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Where to write `token TAG` lines (default stdout).")
    ] = None,
    model: ModelOption = None,
    per_label: Annotated[
        str, typer.Option("--per-label", help="Label for persons: PERS (ANERcorp) or PER.")
    ] = "PERS",
) -> None:
    """Tag a CoNLL file: writes `token TAG` (BIO) lines, keeping its tokens and blank lines exactly."""
    from marsad.ner.conll import read_lines, relabel

    tagger = _load(model)
    lines, sentences = read_lines(conll)
    tags = tagger.tag_tokens([tokens for _, tokens in sentences])
    by_line = {
        index: tag
        for (indexes, _), sentence_tags in zip(sentences, tags, strict=True)
        for index, tag in zip(indexes, sentence_tags, strict=True)
    }
    stream = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115 - stdout is not closed
    try:
        for index, line in enumerate(lines):
            token = line.split()[0] if line.strip() else None
            stream.write(f"{token} {relabel(by_line[index], per_label)}\n" if token else line + "\n")
    finally:
        if out:
            stream.close()


@app.command("eval")
def eval_command(
    conll: Annotated[Path, typer.Option("--conll", help="A gold CoNLL file (`token TAG` per line).")],
    model: ModelOption = None,
) -> None:
    """Precision, recall and F1 per type and overall (exact entity match), and tokens/s."""
    from marsad.ner.conll import read_conll, score

    tagger = _load(model)
    gold = read_conll(conll)
    started = time.perf_counter()
    predicted = tagger.tag_tokens([tokens for tokens, _ in gold])
    elapsed = time.perf_counter() - started
    scores = score([tags for _, tags in gold], predicted)
    table = Table("type", "precision", "recall", "F1", "gold")
    for kind, (p, r, f, n) in sorted(scores.per_type.items()):
        table.add_row(kind, f"{p:.2f}", f"{r:.2f}", f"{f:.2f}", str(n))
    p, r, f, n = scores.overall
    table.add_row("overall", f"{p:.2f}", f"{r:.2f}", f"{f:.2f}", str(n), style="bold")
    Console().print(table)
    tokens = sum(len(tokens) for tokens, _ in gold)
    Console().print(
        f"{tokens} tokens in {elapsed:.2f} s: {tokens / elapsed:,.0f} tokens/s (tagging, one process)"
    )


@app.command("train")
def train_command(
    datasets: Annotated[Path, typer.Option("--datasets", help="The shared datasets folder.")] = SHARED,
    data: Annotated[
        Path | None, typer.Option("--data", help="Labeled CoNLL training file (default: ANERcorp train).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Model file to write (default: the shipped model).")
    ] = None,
    dev_fraction: Annotated[
        float, typer.Option("--dev-fraction", help="Last share of sentences held out as dev.")
    ] = 0.1,
    epochs: Annotated[
        int, typer.Option("--epochs", help="Most training epochs (early stopping on dev F1).")
    ] = 40,
    wikifane: Annotated[
        bool, typer.Option("--wikifane/--no-wikifane", help="Add WikiFANE (mapped) to training.")
    ] = False,
    embeddings: Annotated[
        Path | None,
        typer.Option("--embeddings", help="Keep the learned word vectors in this file and reuse them."),
    ] = None,
    average_from: Annotated[
        int,
        typer.Option(
            "--average-from", help="Also score the average of the epochs from this one on (0: off)."
        ),
    ] = 0,
    lr_decay: Annotated[
        bool, typer.Option("--lr-decay/--no-lr-decay", help="Lower the learning rate linearly to 5%.")
    ] = False,
    word_dropout: Annotated[
        float, typer.Option("--word-dropout", help="Share of training tokens shown as unknown words.")
    ] = 0.0,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the training run.")] = 13,
    o_bias: Annotated[
        float, typer.Option("--o-bias", help="Lower the O tag's output bias by this much (more recall).")
    ] = 0.0,
    teachers: Annotated[
        int,
        typer.Option("--teachers", help="Self-training: teachers that label news for one student (0: off)."),
    ] = 0,
    pseudo_sentences: Annotated[
        int, typer.Option("--pseudo-sentences", help="News sentences the teachers label for the student.")
    ] = 6000,
    student_epochs: Annotated[
        int, typer.Option("--student-epochs", help="Most epochs of the student (self-training).")
    ] = 12,
    teacher_model: Annotated[
        list[Path] | None,
        typer.Option(
            "--teacher-model", help="Distillation: a model whose ensemble labels news (repeat the option)."
        ),
    ] = None,
    gold_repeat: Annotated[
        int, typer.Option("--gold-repeat", help="Distillation: copies of ANERcorp train beside the news.")
    ] = 1,
    finetune_epochs: Annotated[
        int, typer.Option("--finetune-epochs", help="Distillation: then epochs on ANERcorp train alone.")
    ] = 0,
) -> None:
    """Train the tagger from the shared datasets (needs the \\[train] extra: torch, gensim)."""
    from marsad.ner.recipe import Recipe, train_from_datasets

    recipe = Recipe(
        datasets=datasets,
        data=data,
        dev_fraction=dev_fraction,
        epochs=epochs,
        wikifane=wikifane,
        embeddings=embeddings,
        average_from=average_from,
        lr_decay=lr_decay,
        word_dropout=word_dropout,
        seed=seed,
        o_bias=o_bias,
        teachers=teachers,
        pseudo_sentences=pseudo_sentences,
        student_epochs=student_epochs,
        teacher_models=tuple(teacher_model or ()),
        gold_repeat=gold_repeat,
        finetune_epochs=finetune_epochs,
    )
    written = train_from_datasets(recipe, out, log=lambda line: err.print(line, highlight=False))
    err.print(f"model written to {written}", markup=False)


def _load(model: Path | None) -> Tagger:
    from marsad.ner.tagger import PACKAGED_MODEL, Tagger

    return Tagger.load(model or PACKAGED_MODEL)


def register(main: typer.Typer) -> None:
    main.add_typer(app, name="ner")
