"Runs every notebook in nbs/ with nbdev's test runner: one pytest case per notebook, so a failure names it."
import os
from pathlib import Path
import pytest
from nbdev.test import test_nb as run_notebook

NBS = Path(__file__).parent.parent / 'nbs'
NOTEBOOKS = sorted(p for p in NBS.glob('*.ipynb') if not p.name.startswith('_'))

@pytest.mark.parametrize('notebook', NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook(notebook, monkeypatch):
    monkeypatch.setenv('IN_TEST', '1')
    monkeypatch.chdir(NBS)
    ok, seconds = run_notebook(notebook, skip_flags=['notest', 'slow', 'gpu'], do_print=False, showerr=True)
    assert ok, f'{notebook.name} failed (see the traceback above)'
