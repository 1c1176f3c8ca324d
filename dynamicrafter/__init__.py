__version__ = "0.1.0"

# The names users call most, imported on first use so that `import dynamicrafter.config` stays light.
_LAZY = {'DynamiCrafter': 'model', 'animate': 'pipeline', 'save_video': 'core', 'get_config': 'config', 'list_configs': 'config'}

def __getattr__(name):
    if name not in _LAZY: raise AttributeError(f"module 'dynamicrafter' has no attribute {name!r}")
    import importlib
    return getattr(importlib.import_module(f'.{_LAZY[name]}', __name__), name)
