"""Peak memory of a batch `dynamicrafter animate --input-dir` run against its number of inputs.

A batch streams its inputs (one folder entry, one image, one video at a time), so its peak memory should not grow with the
number of inputs. Each batch size runs in a fresh process (peak RSS from `resource.getrusage`): the tiny model (random
weights), 1 DDIM step, 16×16 images, one per input, each with its prompt file.

    python benchmarks/batch_memory.py              # 20 and 200 inputs
    python benchmarks/batch_memory.py 20 2000
"""
import resource, subprocess, sys, tempfile, time
from pathlib import Path

def child(n:int):
    "Run one batch of `n` inputs in this process; print the input count, seconds and peak RSS in MiB."
    import numpy as np, torch
    from PIL import Image
    from dynamicrafter.cli import main
    from dynamicrafter.config import get_config
    from dynamicrafter.model import DynamiCrafter
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp); (tmp/'in').mkdir(); (tmp/'out').mkdir()
        torch.manual_seed(0); DynamiCrafter(get_config('tiny')).save_pretrained(tmp/'tiny.safetensors')
        rng = np.random.default_rng(0)
        for i in range(n):
            Image.fromarray(rng.integers(0, 256, (16, 16, 3), dtype=np.uint8)).save(tmp/'in'/f'{i:05d}.png')
            (tmp/'in'/f'{i:05d}.txt').write_text(f'picture number {i} slowly turns')
        start = time.perf_counter()
        code = main(['animate', '--input-dir', tmp/'in', '--output-dir', tmp/'out', '--checkpoint', tmp/'tiny.safetensors',
                     '--steps', '1', '--quiet', '--device', 'cpu'])
        seconds = time.perf_counter() - start
        assert code == 0 and len(list((tmp/'out').glob('*.mp4'))) == n
    print(n, round(seconds, 1), round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))

if __name__ == '__main__':
    if sys.argv[1:2] == ['--child']: child(int(sys.argv[2])); sys.exit()
    print('inputs  seconds  peak RSS (MiB)')
    for n in [int(a) for a in sys.argv[1:]] or [20, 200]:
        out = subprocess.run([sys.executable, __file__, '--child', str(n)], capture_output=True, text=True, check=True).stdout.split()
        print(f'{out[0]:>6}  {out[1]:>7}  {out[2]:>14}')
