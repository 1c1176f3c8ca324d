__version__ = "0.1.0"

# The names users call most, imported on first use so that `import dynamicrafter.config` (and `dynamicrafter --help`) stays light.
_LAZY = {'DynamiCrafter': 'model', 'animate': 'pipeline', 'story': 'story', 'save_video': 'core', 'get_config': 'config',
         'list_configs': 'config'}
__all__ = ['__version__', *_LAZY]

def __getattr__(name):
    if name not in _LAZY: raise AttributeError(f"module 'dynamicrafter' has no attribute {name!r}")
    import importlib
    return getattr(importlib.import_module(f'.{_LAZY[name]}', __name__), name)

def __dir__():
    "What tab completion offers: the public names (`__all__`) beside the module's own."
    return sorted(set(globals()) | set(_LAZY))
