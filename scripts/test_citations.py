"""Every citation of the design documents points into docs/ (issue 11 item 5): a clone of the repository holds
what the code cites. A citation of one of DOCS below (as `<name>.md`) outside docs/ fails here.
Run by scripts/test: `python3 -m unittest discover -s scripts -p 'test_*.py'`."""

import re
import subprocess
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ("design", "rules", "reader", "contract", "toolchain")
# A document's name not preceded by `docs/` (nor by a path or a word it belongs to).
BARE = re.compile(r"(?<![\w/.-])(?:%s)\.md" % "|".join(DOCS))
SOURCE = re.compile(r"\.(rs|ts|mjs|js|py|css|html|toml|md|json|sh)$|^scripts/|^\.ci/")


class Citations(unittest.TestCase):
    def test_every_citation_points_into_docs(self):
        files = subprocess.run(["git", "-C", str(ROOT), "ls-files"], capture_output=True, text=True, check=True)
        bare = []
        for name in files.stdout.split():
            if name.startswith("docs/") or not SOURCE.search(name):
                continue
            try:
                text = (ROOT / name).read_text(encoding="utf-8")
            except (UnicodeDecodeError, IsADirectoryError, FileNotFoundError):
                continue
            for n, line in enumerate(text.splitlines(), 1):
                if BARE.search(line):
                    bare.append(f"{name}:{n}: {line.strip()[:100]}")
        self.assertEqual(bare, [], "citations outside docs/:\n" + "\n".join(bare))

    def test_the_cited_documents_are_in_docs(self):
        for doc in DOCS:
            self.assertTrue((ROOT / "docs" / f"{doc}.md").is_file(), doc)


if __name__ == "__main__":
    unittest.main()
