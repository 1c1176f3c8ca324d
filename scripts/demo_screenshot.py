#!/usr/bin/env python
"""A screenshot of `dynamicrafter demo` with a finished video, taken in a real headless browser, for the README.

    pip install playwright        # the Python driver; the browser is Chromium from the system (Debian: apt-get install chromium)
    python scripts/demo_screenshot.py --out examples/demo.png

It starts the demo on the shipped toy at a free local port, uploads `examples/red_circle.png`, presses *animate*, waits for the
video and photographs the page.
"""
import argparse, socket
from pathlib import Path
from playwright.sync_api import sync_playwright
from dynamicrafter.demo import make_demo

ROOT = Path(__file__).parent.parent

def free_port()->int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', default=str(ROOT/'examples'/'demo.png'))
    parser.add_argument('--browser', default='/usr/bin/chromium', help="the Chromium (or Chrome) executable")
    args = parser.parse_args()
    port = free_port()
    demo = make_demo()
    demo.launch(server_name='127.0.0.1', server_port=port, prevent_thread_lock=True, quiet=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.browser, args=['--no-sandbox', '--disable-gpu',
                                        '--disable-background-networking', '--disable-component-update', '--no-first-run'])
            page = browser.new_page(viewport={'width': 1200, 'height': 820})
            page.goto(f'http://127.0.0.1:{port}/')
            page.locator('input[type=file]').first.set_input_files(str(ROOT/'examples'/'red_circle.png'))
            page.get_by_role('button', name='animate', exact=True).click()
            page.locator('video').first.wait_for(timeout=120_000)
            page.wait_for_timeout(1500)                                   # the first frame painted
            page.screenshot(path=args.out, full_page=True)
            browser.close()
    finally:
        demo.close()
    print(f'wrote {args.out}')

if __name__ == '__main__': main()
