"""Content that cannot run code or call third parties.

``html`` finds scripts, embeds, event attributes, ``javascript:`` URLs and resources from other
hosts in a piece of HTML; ``markdown`` does the same in a Markdown source (raw HTML, images);
``findings`` says what each finding is and what to do instead, and applies the reviewed list of
exceptions (``extra.content_exceptions`` in mkdocs.yml); ``pages`` checks the sources of a build
and the HTML of each page with its rendered data; ``csp`` gives every finished page its
Content-Security-Policy (the hashes of the theme's inline scripts) and referrer policy.
"""
