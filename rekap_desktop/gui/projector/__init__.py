"""The projector: a live second screen the whole hall reads, showing only committed state.

``scenes`` (plain data) → ``cues`` (build scenes from the services) → ``view`` (paints any scene,
preview and live alike) → ``window``/``screens``/``controller`` (where and when it is shown).
"""
