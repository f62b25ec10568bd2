"""MkDocs hook: the theme's templates are compiled once and kept in .cache/jinja (kgo.build.cache),
not again for every edition and every build."""

from kgo.build.cache import template_cache
from kgo.engine.mkdocs import build_context


def on_env(env, config, files):
    env.bytecode_cache = template_cache(build_context(config).root)
    return env
