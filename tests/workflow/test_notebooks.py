"""Each part of the tutorial as a notebook (`snakemake notebooks`, part of `docs`), made
from the site's own pages and the package's own code: it runs top to bottom in a fresh
Jupyter kernel with only numpy, matplotlib (and scikit-learn) and prints the pipeline's
numbers; every page of a part downloads it in the browser. Also the site's build: MkDocs
and ProperDocs give the same pages from the same sources, and the 404 page of a site
published under a sub-path finds its style and links."""

from __future__ import annotations

import ast
import copy
import functools
import html
import json
import os
import re
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlparse
from urllib.request import urlopen

import nbformat
import pytest
import yaml
from test_site import nav_pages

from harness.workflow_copy import PARTS, REPO, part_pages, planned_jobs, snakemake

pytestmark = pytest.mark.e2e

# What a part's code cells may import besides the standard library.
# (numpy and matplotlib, the bare kernel's, unless a part's notebook needs more).
BARE_KERNEL = {"numpy", "matplotlib"}
ALLOWED_IMPORTS = {"digits": BARE_KERNEL | {"sklearn"}}
# Calls that would read a file (of the repository, or a pipeline's output).
FILE_READERS = {"open", "read_text", "read_bytes", "load", "loadtxt", "genfromtxt", "read_csv"}
FILE_READERS |= {"load_split", "load_run", "load_history", "read_predictions"}
SITE_URL = "https://example.org/scratchnet/"
REPO_URL = "https://github.com/example/scratchnet"


def notebook_path(workdir: Path, part: str) -> Path:
    return workdir / "build" / "notebooks" / f"{part}.ipynb"


@pytest.fixture(scope="module")
def notebooks(site) -> dict[str, nbformat.NotebookNode]:
    built = site.parent
    return {part: nbformat.read(notebook_path(built, part), as_version=4) for part in PARTS}


def execute(notebook: nbformat.NotebookNode, tmp_path_factory, name: str) -> nbformat.NotebookNode:
    """A copy of ``notebook`` run in a fresh kernel, in an empty folder, where ``import
    scratchnet`` fails (it is installed here: a stub earlier on the path shadows it).
    Raises on the first cell that raises."""
    from nbclient import NotebookClient

    guard = tmp_path_factory.mktemp("guard") / "scratchnet"
    guard.mkdir()
    (guard / "__init__.py").write_text("raise ImportError('a notebook imported scratchnet')\n")
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MPLBACKEND")}
    # One BLAS thread: the kernel shares CI's two cores with the test run.
    environment.update(PYTHONPATH=str(guard.parent), OMP_NUM_THREADS="1")
    notebook = copy.deepcopy(notebook)
    folder = tmp_path_factory.mktemp(f"run-{name}")
    client = NotebookClient(
        notebook, timeout=240, kernel_name="python3", resources={"metadata": {"path": folder}}
    )
    client.execute(env=environment)
    return notebook


@pytest.fixture(scope="module")
def executed(notebooks, tmp_path_factory) -> dict[str, nbformat.NotebookNode]:
    """Each notebook as published, run (``execute``)."""
    return {part: execute(nb, tmp_path_factory, part) for part, nb in notebooks.items()}


def printed(notebook: nbformat.NotebookNode) -> str:
    return "".join(
        output["text"]
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "stream" and output.name == "stdout"
    )


def pictures(notebook: nbformat.NotebookNode) -> int:
    return sum(
        "image/png" in output.get("data", {})
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )


def test_chapter_one_prints_the_pipelines_numbers_and_draws_its_pictures(executed, site):
    metrics = json.loads((site.parent / "results" / "metrics.json").read_text())
    text = printed(executed["lines"])
    iteration = metrics["first_full_accuracy_iteration"]
    assert f"first 100% training accuracy at iteration {iteration}\n" in text
    scores = dict(re.findall(r"^validation set (\d): \d+ images, accuracy (\S+)$", text, re.M))
    assert scores.keys() == {"1", "2"}
    for name, score in scores.items():
        assert float(score) == metrics["validation_accuracy"][f"valid_{name}"], name
    # The training set, the parameters before and after, the loss and accuracy curves.
    assert pictures(executed["lines"]) >= 4


def test_chapter_two_prints_the_reference_models_test_accuracy_exactly(executed, site):
    reference = json.loads((site.parent / "results" / "digits" / "metrics.json").read_text())
    reference = reference["reference"]
    found = re.search(
        r"^reference model: test accuracy (\S+) on (\d+) images$", printed(executed["digits"]), re.M
    )
    assert found, printed(executed["digits"])
    assert float(found[1]) == reference["test_accuracy"]
    assert int(found[2]) == reference["test_images"]
    # The samples, the three losses, the templates, the confusion matrix.
    assert pictures(executed["digits"]) >= 4


def test_part_three_prints_the_runs_numbers_exactly(executed, site):
    """The main run's validation accuracy, as the pages quote it, and the capacity and
    depth runs' beside it: trained in the notebook from the points its data cells hold."""
    plane = json.loads((site.parent / "results" / "plane" / "metrics.json").read_text())
    text = printed(executed["plane"])
    found = re.search(r"^main run: validation accuracy (\S+)$", text, re.M)
    assert found, text
    assert float(found[1]) == plane["main"]["final_validation_accuracy"]
    runs = re.findall(
        r"^(narrowest|widest|shallow|deep) \S+: .*validation accuracy ([^,\s]+)", text, re.M
    )
    expected = {
        **{name: plane["capacity"][name] for name in ("narrowest", "widest")},
        **{name: plane["depth"][name] for name in ("shallow", "deep")},
    }
    assert {name: float(score) for name, score in runs} == {
        name: run["final_validation_accuracy"] for name, run in expected.items()
    }
    # The points, the boundary forming, the losses, the units, the hidden view, the
    # narrowest and widest layers, the depth runs' losses.
    assert pictures(executed["plane"]) >= 7


def test_no_code_cell_imports_scratchnet_or_reads_a_file(notebooks):
    for part, notebook in notebooks.items():
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert len(code) >= 10, part
        for cell in code:
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    names = (
                        [a.name for a in node.names]
                        if isinstance(node, ast.Import)
                        else [node.module]
                    )
                    for name in names:
                        top = name.split(".")[0]
                        allowed = ALLOWED_IMPORTS.get(part, BARE_KERNEL) | sys.stdlib_module_names
                        assert top in allowed, (part, cell.id, name)
                if isinstance(node, ast.Call):
                    called = getattr(node.func, "id", getattr(node.func, "attr", None))
                    assert called not in FILE_READERS, (part, cell.id, called)
                # The MNIST branch of load_source stays (it is the package's code), but
                # its reader is left out: the notebook uses the bundled digits only.
                assert not (isinstance(node, ast.FunctionDef) and node.name == "load_mnist")


def test_the_settings_cell_the_opening_names_is_right_after_the_imports(notebooks):
    """The opening tells the reader to change a setting in the cell headed # Settings:
    it is the code cell right after the imports, and holds only settings."""
    for part, notebook in notebooks.items():
        assert "The cell headed `# Settings`, right after the imports" in notebook.cells[0].source
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert code[0].id == "imports", part
        settings = code[1].source
        assert settings.startswith("# Settings: "), (part, settings)
        statements = ast.parse(settings).body
        assert statements and all(isinstance(s, ast.Assign) for s in statements), part
        assert "lr" in settings, part


def test_the_pages_code_is_the_packages_own_sections(notebooks):
    """Every section a page of the part includes is in one of the notebook's code cells,
    line for line (widened to the whole definition it is cut from)."""
    snippet = re.compile(r'^--8<-- "(?P<file>[^":]+):(?P<section>\w+)"$', re.M)
    for part, pages in part_pages().items():
        code = "\n".join(c.source for c in notebooks[part].cells if c.cell_type == "code")
        included = 0
        for page in pages:
            for match in snippet.finditer((REPO / "docs" / page).read_text()):
                text = (REPO / "src" / "scratchnet" / match["file"]).read_text()
                section = text.split(f"# --8<-- [start:{match['section']}]", 1)[1]
                section = section.split(f"# --8<-- [end:{match['section']}]", 1)[0]
                for line in section.strip("\n").splitlines():
                    assert line.rstrip() in code, (part, page, match[0], line)
                included += 1
        assert included >= 3, part


def test_the_notebooks_carry_no_outputs_and_are_the_same_bytes_when_rebuilt(
    notebooks,
    site,
    tmp_path,
    monkeypatch,
):
    from scratchnet.docsite.notebook import write_part_notebook

    built = site.parent
    monkeypatch.chdir(built)  # where the quoted results are
    for part, notebook in notebooks.items():
        for cell in notebook.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, (part, cell.id)
        ids = [cell.id for cell in notebook.cells]
        assert len(ids) == len(set(ids)), part
        again = tmp_path / f"{part}.ipynb"
        write_part_notebook(built / "mkdocs.yml", part, again)
        assert again.read_bytes() == notebook_path(built, part).read_bytes(), part
        # The site publishes the same file.
        assert (site / "notebooks" / f"{part}.ipynb").read_bytes() == again.read_bytes()
    assert planned_jobs(built, "docs") == set()  # and a rerun does nothing


def test_editing_an_included_function_changes_the_notebook(site, tmp_path):
    """The rule's inputs cover the code it includes: after an edit, `snakemake notebooks`
    rewrites the notebook with the new code. (Reruns are judged by modification times
    alone, so the copy's new path does not make everything stale.)"""
    workdir = shutil.copytree(site.parent, tmp_path / "copy", symlinks=True)
    network = workdir / "src" / "scratchnet" / "lines" / "network.py"
    text = network.read_text()
    edited = text.replace("    A1 = relu(z1)\n", "    A1 = relu(z1)  # edited, a test's mark\n")
    assert edited != text
    network.write_text(edited)
    snakemake(workdir, "notebooks", "--cores", "2", "--rerun-triggers", "mtime")
    notebook = nbformat.read(notebook_path(workdir, "lines"), as_version=4)
    assert any("A1 = relu(z1)  # edited, a test's mark" in c.source for c in notebook.cells)


def test_every_page_of_a_part_downloads_its_notebook_in_the_browser(site, server, browser):
    urls = nav_pages()
    followed = 0
    for part, pages in part_pages().items():
        expected = (site / "notebooks" / f"{part}.ipynb").read_bytes()
        for page_source in pages:
            tab = browser.new_page(accept_downloads=True)
            tab.goto(server + urls[page_source], wait_until="load")
            link = tab.get_by_role("link", name="Download this part as a notebook")
            assert link.count() == 1, page_source
            assert tab.get_by_role("link", name="Open in Colab").count() == 0  # no repo_url
            with tab.expect_download() as download:
                link.click()
            saved = Path(download.value.path())
            nbformat.validate(nbformat.read(saved, as_version=4))
            assert saved.read_bytes() == expected, page_source
            tab.close()
            followed += 1
    assert followed == sum(len(pages) for pages in part_pages().values()) >= 10


@pytest.fixture(scope="module")
def published(site, tmp_path_factory) -> Path:
    """The site as the GitHub workflow builds it, with ProperDocs: its address and its
    repository named, under the project's sub-path /scratchnet/."""
    from scratchnet.docsite.build import run_builder

    output = tmp_path_factory.mktemp("published") / "scratchnet"
    with pytest.MonkeyPatch.context() as patch:  # the extensions of this checkout's src/
        patch.setenv("PYTHONPATH", str(site.parent / "src"))
        run_builder(
            site.parent / "mkdocs.yml",
            output,
            "properdocs",
            site_url=SITE_URL,
            repo_url=REPO_URL,
            cwd=site.parent,
        )
    return output


def article_text(page: Path) -> str:
    """A page's article as text, without the notebook links (Colab needs repo_url)."""
    article = re.search(r"<article\b[^>]*>(.*)</article>", page.read_text(), re.S)[1]
    article = re.sub(r'<p class="notebook-links">.*?</p>', "", article, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


def test_mkdocs_and_properdocs_build_the_same_pages(site, published):
    pages = sorted(path.relative_to(site) for path in site.rglob("*.html"))
    assert pages == sorted(path.relative_to(published) for path in published.rglob("*.html"))
    assert len(pages) >= len(nav_pages()) + 1  # and 404.html
    for page in pages:
        assert article_text(site / page) == article_text(published / page), page
    assert "first reached 100% at iteration" in article_text(site / "index.html")


def test_with_a_repository_each_part_page_opens_its_notebook_on_colab(published):
    colab = "https://colab.research.google.com/github/example/scratchnet/blob/notebooks/"
    extra = yaml.safe_load((REPO / "mkdocs.yml").read_text())["extra"]
    assert extra["colab_branch"] == "notebooks"
    for part, pages in part_pages().items():
        for page in pages:
            built = published / nav_pages()[page] / "index.html"
            assert f'href="{colab}{part}.ipynb"' in built.read_text(), page


def test_the_workflow_gives_the_build_the_sites_address_and_repository():
    """What `published` builds is what GitHub Pages gets: the build step names both, and
    the rule passes them on."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "docs.yml").read_text())
    build = next(
        step for step in workflow["jobs"]["build"]["steps"] if "snakemake" in step.get("run", "")
    )
    assert set(build["env"]) == {"SCRATCHNET_SITE_URL", "SCRATCHNET_REPO_URL"}
    rules = (REPO / "workflow" / "rules" / "docs.smk").read_text()
    for name in build["env"]:
        assert f'os.environ.get("{name}"' in rules


def test_the_404_page_finds_its_style_and_links_under_a_sub_path(published):
    """Served as GitHub Pages serves a project site: under /scratchnet/, 404.html for any
    missing path. Every link and source of that page resolves."""

    class PagesHandler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (published / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    handler = functools.partial(PagesHandler, directory=str(published.parent))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        missing = f"http://127.0.0.1:{httpd.server_port}/scratchnet/no/such/page/"
        with pytest.raises(HTTPError) as response:
            urlopen(missing)
        assert response.value.code == 404
        page = response.value.read().decode()
        references = re.findall(r'(?:href|src)="([^"#][^"]*)"', page)
        local = {urljoin(missing, ref) for ref in references}
        local = {url for url in local if urlparse(url).hostname == "127.0.0.1"}
        assert any("/assets/stylesheets/" in url for url in local)
        assert len(local) >= 10
        for url in sorted(local):
            with urlopen(url) as found:
                assert found.status == 200, url
    finally:
        httpd.shutdown()
