"""Rules for the site's own datasets (publications)."""

from __future__ import annotations

from hooks.data_loader import DATA_DIR, rule


@rule("publications")
def chapters_exist(datasets):
    """Every chapter listed in the manifest exists in docs/sr and index.md comes first."""
    docs = DATA_DIR.parent / "docs"
    for i, pub in enumerate(datasets["publications"]["publications"]):
        if pub["chapters"][0] != "index.md":
            yield f"publications[{i}].chapters: the first chapter must be index.md"
        for j, chapter in enumerate(pub["chapters"]):
            for lang in ("sr", "en"):
                if not (docs / lang / pub["folder"] / chapter).exists():
                    yield (f"publications[{i}].chapters[{j}]: docs/{lang}/{pub['folder']}/{chapter} "
                           "does not exist; create it or remove it from the list")
