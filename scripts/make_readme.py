"Writes README.md from nbs/index.ipynb offline (nbdev_readme needs Quarto): execute it and convert to markdown."
import subprocess, sys, tempfile
from pathlib import Path

root = Path(__file__).parent.parent
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, '-m', 'jupyter', 'nbconvert', '--to', 'markdown', '--execute', 'index.ipynb',
                    '--output-dir', tmp, '--output', 'README'], check=True, cwd=root / 'nbs', capture_output=True)
    text = (Path(tmp) / 'README.md').read_text()
(root / 'README.md').write_text('<!-- generated from nbs/index.ipynb by scripts/make_readme.py: edit the notebook -->\n' + text)
