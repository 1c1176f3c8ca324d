"The package's layering, as README.md draws it: a module imports only modules on its own line or below, and no import cycle."
import ast, re
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / 'dynamicrafter'

def declared_layers()->dict:
    "module → layer number (0 = the bottom line) from the ```text block under README.md's '## Layout'."
    text = (ROOT / 'README.md').read_text(encoding='utf-8')
    block = re.search(r'## Layout.*?```text\n(.*?)```', text, re.S).group(1)
    lines = [line.split('#')[0].split() for line in block.strip().splitlines()]
    return {module: len(lines) - 1 - i for i, modules in enumerate(lines) for module in modules}

def package_imports(path:Path)->set:
    "The package modules that `path` imports anywhere (top level or inside functions)."
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
        if isinstance(node, ast.ImportFrom):
            name = node.module or ''
            if node.level == 1: found.add(name.split('.')[0] if name else None)
            elif name.startswith('dynamicrafter.'): found.add(name.split('.')[1])
            if node.level == 1 and not name: found |= {a.name for a in node.names if (path.parent / f'{a.name}.py').exists()}  # modules, not e.g. __version__
        elif isinstance(node, ast.Import):
            found |= {a.name.split('.')[1] for a in node.names if a.name.startswith('dynamicrafter.')}
    return found - {None, path.stem}

MODULES = {p.stem: package_imports(p) for p in PACKAGE.glob('*.py') if not p.stem.startswith('_')}

def test_every_module_has_a_layer():
    assert set(MODULES) == set(declared_layers()), f'README layers vs package: {set(MODULES) ^ set(declared_layers())}'

def test_no_import_goes_up():
    layer = declared_layers()
    upward = sorted(f'{m} imports {i}' for m, imports in MODULES.items() for i in imports if layer[i] > layer[m])
    assert not upward, f'imports above their layer: {upward}'

def test_no_import_cycle():
    def visit(module, path):
        if module in path: raise AssertionError(f"import cycle: {' -> '.join(path[path.index(module):] + [module])}")
        for imported in MODULES.get(module, ()): visit(imported, path + [module])
    for module in MODULES: visit(module, [])

def test_the_checks_catch_what_they_should(tmp_path):
    "The import reader sees relative, absolute and function-level imports."
    source = tmp_path / 'sampler.py'
    source.write_text("from .model import X\nimport dynamicrafter.core\ndef f():\n    from dynamicrafter.pipeline import animate\n    from . import cli, __version__\n")
    (tmp_path / 'cli.py').write_text('')
    assert package_imports(source) == {'model', 'core', 'pipeline', 'cli'}
