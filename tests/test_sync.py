"Guards: the library is what the notebooks export, and the notebooks are clean."
import shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).parent.parent

def _copy_project(tmp_path):
    for name in ('nbs', 'dynamicrafter'): shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns('__pycache__'))
    shutil.copy(ROOT / 'settings.ini', tmp_path / 'settings.ini')
    return tmp_path

def _files(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob('*') if p.is_file() and '__pycache__' not in p.parts}

def test_library_in_sync_with_notebooks(tmp_path):
    copy = _copy_project(tmp_path)
    subprocess.run([sys.executable, '-c', 'from nbdev.doclinks import nbdev_export; nbdev_export()'], cwd=copy, check=True)
    before, after = _files(ROOT / 'dynamicrafter'), _files(copy / 'dynamicrafter')
    changed = sorted(str(k) for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, f'nbdev_export changes {changed}: run nbdev_export and commit'

def test_notebooks_are_clean(tmp_path):
    copy = _copy_project(tmp_path)
    subprocess.run([sys.executable, '-c', 'from nbdev.clean import nbdev_clean; nbdev_clean()'], cwd=copy, check=True)
    before, after = _files(ROOT / 'nbs'), _files(copy / 'nbs')
    changed = sorted(str(k) for k in before if before[k] != after.get(k))
    assert not changed, f'nbdev_clean changes {changed}: run nbdev_clean and commit'
