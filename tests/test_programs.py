"""Every program the tests run is installed by the README's two commands, so a fresh
machine that ran them has it, and one that is not fails here first, naming the program
and the test that runs it. The programs are read from the tests' source: every
`shutil.which("name")`, every fixed path of a program (`/usr/bin/chromium`) and every
subprocess started with a bare program name (`["bash", ...]`, or through a module's own
wrapper of subprocess.run, `run("pdftoppm", ...)`). Each must come from one of:
  - a script of a package that `pip install -e ".[test]"` installs (the test extra, the
    project's dependencies, and theirs in turn), as found in this Python's metadata;
  - a Debian package of the second command's apt-get line, or of what .ci/slurm-cluster
    installs (the files each puts on the PATH are listed below, and checked against
    dpkg's own lists where the package is installed);
  - the README's commands themselves (`bash .ci/slurm-cluster up`)."""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import re
import shlex
import sysconfig
from pathlib import Path

import pytest
from declared import REPO, pyproject, requirements
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from test_ci import readme_commands

TESTS = REPO / "tests"
# The tests' code, and what they share with the benchmarks (harness/: Chromium's path).
TEST_CODE = (TESTS, REPO / "harness", REPO / "bench")  # bench: the tests run it too
SLURM_CLUSTER = REPO / ".ci" / "slurm-cluster"
# The programs on the PATH, of those the tests run, that each Debian package the README's
# commands install puts there (Debian 12: `dpkg -L <package>`).
DEBIAN_FILES = {
    "chromium": ["/usr/bin/chromium"],
    "poppler-utils": [
        "/usr/bin/pdftotext",
        "/usr/bin/pdftoppm",
        "/usr/bin/pdfimages",
        "/usr/bin/pdffonts",
        "/usr/bin/pdfinfo",
    ],
    "slurm-client": ["/usr/bin/sinfo"],
}
DPKG_LISTS = Path("/var/lib/dpkg/info")
SUBPROCESS_CALLS = {"run", "Popen", "call", "check_call", "check_output"}
PROGRAM_PATH = re.compile(r"/(?:usr/)?(?:local/)?s?bin/[\w.+-]+")
BARE_NAME = re.compile(r"[A-Za-z][\w.+-]*")


def is_subprocess(call: ast.Call) -> bool:
    f = call.func
    return (
        isinstance(f, ast.Attribute)
        and f.attr in SUBPROCESS_CALLS
        and isinstance(f.value, ast.Name)
        and f.value.id == "subprocess"
    )


def is_which(call: ast.Call) -> bool:
    f = call.func
    if isinstance(f, ast.Attribute):
        return f.attr == "which" and isinstance(f.value, ast.Name) and f.value.id == "shutil"
    return isinstance(f, ast.Name) and f.id == "which"


def first_word(node: ast.AST) -> str | None:
    """The program of a command written as a list or tuple starting with a bare name."""
    if isinstance(node, (ast.List, ast.Tuple)) and node.elts:
        head = node.elts[0]
        if isinstance(head, ast.Constant) and isinstance(head.value, str):
            return head.value if BARE_NAME.fullmatch(head.value) else None
    return None


def wrappers(tree: ast.Module) -> dict[str, int | None]:
    """A module's functions that pass one of their parameters to subprocess as the command:
    the parameter's position, or None for `def run(*command)`."""
    found = {}
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        positional = [a.arg for a in function.args.args]
        varargs = function.args.vararg.arg if function.args.vararg else None
        for call in ast.walk(function):
            if isinstance(call, ast.Call) and is_subprocess(call) and call.args:
                command = call.args[0]
                if isinstance(command, ast.Name) and command.id == varargs:
                    found[function.name] = None
                elif isinstance(command, ast.Name) and command.id in positional:
                    found[function.name] = positional.index(command.id)
    return found


def names_of(tree: ast.Module) -> dict[str, list[str]]:
    """A module's constant tuples and lists of strings (`POPPLER = ("pdftotext", ...)`), and
    each loop variable over one of them (`for tool in POPPLER`): name -> strings."""
    constants = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Tuple, ast.List)):
            values = [e.value for e in node.value.elts if isinstance(e, ast.Constant)]
            if values and all(isinstance(v, str) for v in values):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        constants[target.id] = values
    loops = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.target, ast.Name):
            if isinstance(node.iter, ast.Name) and node.iter.id in constants:
                loops[node.target.id] = constants[node.iter.id]
    return constants | loops


def programs_in(source: str) -> tuple[set[str], list[str]]:
    """The programs a module's source runs or looks up (bare names and fixed paths), and
    the lines of each `shutil.which` whose argument this test cannot read."""
    tree = ast.parse(source)
    wrapped, names = wrappers(tree), names_of(tree)
    programs, unread = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if PROGRAM_PATH.fullmatch(node.value):
                programs.add(node.value)
        if not isinstance(node, ast.Call):
            continue
        if is_which(node) and node.args:
            argument = node.args[0]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                programs.add(argument.value)
            elif isinstance(argument, ast.Name) and argument.id in names:
                programs.update(names[argument.id])
            else:
                unread.append(f"line {node.lineno}")
        elif is_subprocess(node) and node.args:
            programs.add(first_word(node.args[0]))
        elif isinstance(node.func, ast.Name) and node.func.id in wrapped:
            at = wrapped[node.func.id]
            if at is None and node.args:  # run("pdftoppm", ...)
                programs.add(first_word(ast.List(elts=node.args[:1])))
            elif at is not None and len(node.args) > at:  # run(["pdftoppm", ...])
                programs.add(first_word(node.args[at]))
    return programs - {None}, unread


def programs_of_the_tests() -> dict[str, set[str]]:
    """Each program the tests run -> the test files that run it (paths from the repository).
    This file is left out: its example runs programs from nowhere on purpose."""
    found: dict[str, set[str]] = {}
    files = {path for folder in TEST_CODE for path in folder.rglob("*.py")}
    for path in sorted(files - {Path(__file__).resolve()}):
        programs, unread = programs_in(path.read_text())
        where = str(path.relative_to(REPO))
        assert not unread, f"{where}, {', '.join(unread)}: shutil.which of a name to write out"
        for program in programs:
            found.setdefault(program, set()).add(where)
    return found


def apt_packages(command: str) -> list[str]:
    """The packages of the `apt-get install` in a shell command line."""
    words = shlex.split(command)
    packages = []
    for at, word in enumerate(words[:-1]):
        if word == "apt-get" and words[at + 1] == "install":
            for package in words[at + 2 :]:
                if package in ("&&", ";", "|") or package.startswith(">"):
                    break
                if not package.startswith("-"):
                    packages.append(package)
    return packages


def readme_apt_packages() -> list[str]:
    return apt_packages(readme_commands()[1])


def slurm_cluster_packages() -> list[str]:
    lines = SLURM_CLUSTER.read_text().splitlines()
    return [p for line in lines if "apt-get install" in line for p in apt_packages(line)]


def readme_programs() -> set[str]:
    """The programs the README's commands themselves start (python, apt-get, bash, ...)."""
    return {shlex.split(part)[0] for command in readme_commands() for part in command.split("&&")}


def installed_distributions(wanted: list[Requirement]) -> tuple[dict, list[str]]:
    """The distributions in this Python that ``wanted`` brings in, theirs in turn included
    (canonical name -> distribution), and the requirements among them not installed."""
    found, missing = {}, []
    todo = [(requirement, {""}) for requirement in wanted]
    expanded: dict[str, set[str]] = {}
    while todo:
        requirement, parent_extras = todo.pop()
        marker = requirement.marker
        if marker and not any(marker.evaluate({"extra": e}) for e in parent_extras):
            continue
        name = canonicalize_name(requirement.name)
        extras = {""} | set(requirement.extras)
        if extras <= expanded.get(name, set()):
            continue
        try:
            found[name] = found.get(name) or importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            missing.append(str(requirement))
            continue
        expanded[name] = expanded.get(name, set()) | extras
        todo += [(Requirement(line), extras) for line in found[name].requires or []]
    return found, missing


def scripts_of(distribution: importlib.metadata.Distribution, folder: Path) -> set[str]:
    """The programs a distribution installed into ``folder``: its console scripts and the
    files its record places there (a binary such as uv's or ruff's)."""
    names = {e.name for e in distribution.entry_points if e.group.endswith("_scripts")}
    # The record's lines are "path,hash,size"; a path outside site-packages starts with
    # "..". (Its `files` would make a path of each of thousands of lines.)
    for line in (distribution.read_text("RECORD") or "").splitlines():
        if line.startswith(".."):
            path = Path(distribution.locate_file(line.rsplit(",", 2)[0])).resolve()
            if path.parent == folder:
                names.add(path.name)
    return names


@functools.cache
def venv_programs() -> dict[str, str]:
    """Each program `pip install -e ".[test]"` puts beside this Python -> its package."""
    project = pyproject()
    wanted = requirements("dependencies", project) + requirements("test", project)
    found, missing = installed_distributions(wanted)
    assert not missing, (
        f"not installed here: {', '.join(sorted(missing))}; "
        'run python -m pip install -e ".[test]" again'
    )
    folder = Path(sysconfig.get_path("scripts")).resolve()
    return {script: name for name, d in found.items() for script in scripts_of(d, folder)}


def origins(program: str, venv: dict[str, str], debian: list[str], commands: set[str]) -> list[str]:
    """Where ``program`` (a bare name or a fixed path) comes from, in words; none if from
    nowhere. ``debian``: the packages the README's commands install."""
    found = []
    if "/" not in program:
        if program in venv:
            found.append(f"the venv ({venv[program]})")
        if program in commands:
            found.append("the README's commands, which run it")
    for package in debian:
        files = DEBIAN_FILES.get(package, [])
        if program in files or any(Path(file).name == program for file in files):
            found.append(f"Debian's {package}")
    return found


def unexplained(programs: dict[str, set[str]]) -> list[str]:
    """One line per program of ``programs`` (program -> test files) that comes from none
    of the README's commands."""
    venv, commands = venv_programs(), readme_programs()
    readme, slurm = readme_apt_packages(), slurm_cluster_packages()
    problems = []
    for program, files in sorted(programs.items()):
        if not origins(program, venv, readme + slurm, commands):
            problems.append(
                f"{program} ({', '.join(sorted(files))}) is installed by none of the README's "
                f"commands: no package of the test extra has it as a script, and no Debian "
                f"package of the README's apt-get line ({' '.join(readme)}) or of "
                f".ci/slurm-cluster ({' '.join(slurm)}) has it in DEBIAN_FILES"
            )
    return problems


def test_every_program_the_tests_run_is_installed_by_the_readmes_commands():
    programs = programs_of_the_tests()
    # The reading finds what the tests are known to run, each way they run it.
    assert {"uv", "ruff", "sinfo", "bash", "pdftoppm", "/usr/bin/chromium"} <= set(programs)
    problems = unexplained(programs)
    assert not problems, "\n".join(problems)


def test_a_program_from_nowhere_is_named_with_its_test():
    source = """
import shutil, subprocess
from pathlib import Path
BROWSER = Path("/usr/bin/firefox")
TOOLS = ("pdflatex", "ruff")

def run(*command):
    return subprocess.run(command, check=True)

def test_x():
    assert shutil.which("uv", path="/x") and all(shutil.which(t) for t in TOOLS)
    run("convert", "a.png", "a.pdf")
    subprocess.run(["bash", "-c", "true"])
    shutil.which(BROWSER.name)
"""
    programs, unread = programs_in(source)
    assert programs == {"/usr/bin/firefox", "pdflatex", "ruff", "uv", "convert", "bash"}
    assert unread == ["line 14"]  # shutil.which(BROWSER.name)
    problems = unexplained({program: {"tests/test_x.py"} for program in programs})
    assert [line.split(" (", 1)[0] for line in problems] == [
        "/usr/bin/firefox",
        "convert",
        "pdflatex",
    ]
    assert problems[0].startswith("/usr/bin/firefox (tests/test_x.py) is installed by none")


def test_the_debian_file_lists_match_dpkgs_where_a_package_is_installed():
    checked = []
    for package, files in DEBIAN_FILES.items():
        lists = sorted(DPKG_LISTS.glob(f"{package}.list")) + sorted(
            DPKG_LISTS.glob(f"{package}:*.list")
        )
        if lists:
            listed = set(lists[0].read_text().splitlines())
            assert set(files) <= listed, (package, sorted(set(files) - listed))
            checked.append(package)
    if not checked:
        pytest.skip(f"none of {', '.join(DEBIAN_FILES)} is installed (dpkg's lists)")
