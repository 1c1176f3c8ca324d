"What users read speaks of the package as it is: no work-log wording, ticket numbers, /tmp paths or outside documents."
import json, re
from pathlib import Path

ROOT = Path(__file__).parent.parent
WORK_LOG = re.compile(r'\bsession \d|\b(?:issue|ticket) #?\d|(?<![\w.])/tmp/|facts §|official_facts', re.I)

def user_texts():
    "(where, text) of everything a user reads: README files, notebook sources, benchmark and script docstrings, the package."
    for path in [ROOT / 'README.md', ROOT / 'benchmarks' / 'README.md']: yield path.name, path.read_text(encoding='utf-8')
    for path in sorted((ROOT / 'nbs').glob('*.ipynb')):
        for i, cell in enumerate(json.loads(path.read_text(encoding='utf-8'))['cells']): yield f'{path.name} cell {i}', ''.join(cell['source'])
    for folder in ('dynamicrafter', 'benchmarks', 'scripts'):
        for path in sorted((ROOT / folder).glob('*.py')): yield str(path.relative_to(ROOT)), path.read_text(encoding='utf-8')

def test_no_work_log_wording():
    found = [f'{where}: {m.group(0)!r}' for where, text in user_texts() for m in WORK_LOG.finditer(text)]
    assert not found, f'work-log wording in product text: {found[:10]}'

def test_the_pattern_catches_what_it_should():
    for bad in ('as session 10 showed', 'see issue 8', 'written to /tmp/x', '(facts §5.1)'): assert WORK_LOG.search(bad), bad
    for good in ('a training session', 'the issue of speed', 'tmp = path.with_suffix(".tmp")'): assert not WORK_LOG.search(good), good
