"""Runs notebooks in place the way the test suite runs them (IN_TEST=1; cells flagged `slow`/`gpu` or `eval: false` skipped) and
keeps their outputs, so that a reader browsing nbs/ on the web sees the figures and tables each one computes.

    python scripts/run_notebooks.py                      # every notebook
    python scripts/run_notebooks.py nbs/15_lambda_analysis.ipynb

Then `nbdev_clean` strips the volatile parts (execution counts, metadata) and keeps the outputs. What only the machine that
ran it would see is dropped: stderr (progress bars, library warnings) and any text that names a local path. Each notebook's
outputs must stay under 400 KB and all of them under 5 MB; a notebook over its budget is reported and left unchanged."""
import argparse, json, os, sys, tempfile
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from fastcore.xtras import working_directory
from nbdev.process import NBProcessor

ROOT = Path(__file__).parent.parent
PER_NOTEBOOK, TOTAL = 400_000, 5_000_000   # bytes of outputs
SKIP = {'slow', 'gpu', 'notest'}

def skipped(cell)->bool:
    "The cells the test runner skips: markdown, the export call, `eval: false` and flagged cells."
    if cell.cell_type != 'code' or 'nbdev_export(' in cell.source: return True
    directives = getattr(cell, 'directives_', {}) or {}
    return directives.get('eval:', [''])[0].lower() == 'false' or bool(SKIP & directives.keys())

LOCAL_PATHS = (tempfile.gettempdir(), str(Path.home()), str(ROOT))   # this machine's temporary, home and clone folders

def for_readers(output)->bool:
    "Whether a reader on the web should see this output: not stderr, no local path in its text."
    if output.get('name') == 'stderr': return False
    texts = [output.get('text', '')] + [output.get('data', {}).get(kind, '') for kind in ('text/plain', 'text/html', 'text/markdown')]
    return not any(path in ''.join(t) if isinstance(t, list) else path in t for t in texts for path in LOCAL_PATHS)

def output_bytes(nb)->int: return sum(len(json.dumps(c.get('outputs', []))) for c in nb.cells)

def run(path:Path)->int:
    "Execute `path` and write it back with its outputs; returns the size of its outputs (0 when it failed or is over budget)."
    skip = {cell.id for cell in NBProcessor(path, procs=[], process=True).nb.cells if skipped(cell)}   # directives read by nbdev
    nb, shell = read_nb(path), CaptureShell(path, mpl_format="png")                                    # the cells as written; plain PNGs
    for cell in nb.cells:
        if cell.cell_type == 'code': cell.outputs = []                      # a cell that prints nothing now keeps no old output
    try:
        with working_directory(path.parent): shell.run_all(nb, exc_stop=True, preproc=lambda cell: cell.id in skip)
    except Exception:
        print(f'{path.name}: failed\n{shell.prettytb(fname=path)}', file=sys.stderr); return 0
    for cell in nb.cells:
        if cell.cell_type == 'code': cell.outputs = [o for o in cell.outputs if for_readers(o)]
    size = output_bytes(nb)
    if size > PER_NOTEBOOK:
        print(f'{path.name}: outputs {size / 1e3:.0f} KB, over the {PER_NOTEBOOK / 1e3:.0f} KB budget: left unchanged', file=sys.stderr)
        return 0
    write_nb(nb, path)
    print(f'{path.name}: outputs {size / 1e3:.0f} KB')
    return size

if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('notebooks', nargs='*', type=Path)
    args = parser.parse_args()
    os.environ['IN_TEST'] = '1'
    notebooks = args.notebooks or sorted(p for p in (ROOT / 'nbs').glob('*.ipynb') if not p.name.startswith('_'))
    total = sum(run(p.resolve()) for p in notebooks)
    print(f'outputs in all: {total / 1e6:.2f} MB (budget {TOTAL / 1e6:.0f} MB)')
    sys.exit(0 if total <= TOTAL else 1)
