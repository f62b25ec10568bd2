"""MkDocs hook: the theme's templates are compiled once and kept in .cache/jinja (kgo.build.cache),
not again for every edition and every build; the theme's folders are listed once per build."""

from kgo.build.cache import template_cache
from kgo.engine.mkdocs import build_context, list_theme_once


def on_config(config):
    list_theme_once(config, build_context(config).theme_files)


def on_env(env, config, files):
    env.bytecode_cache = template_cache(build_context(config).root)
    return env
