"""Print the corpus's figures (cases run, slowest case, largest peak memory) at the end."""


def pytest_terminal_summary(terminalreporter):
    try:
        from test_corpus import FIGURES
    except ImportError:
        return
    if not FIGURES:
        return
    (slow_name, slow_lang), (seconds, _) = max(FIGURES.items(), key=lambda kv: kv[1][0])
    (big_name, big_lang), (_, peak) = max(FIGURES.items(), key=lambda kv: kv[1][1])
    cases = len({name for name, _ in FIGURES})
    terminalreporter.write_line(
        f"bad-input corpus: {cases} cases x {len(FIGURES) // max(cases, 1)} languages; "
        f"slowest {slow_name} ({slow_lang}) {seconds:.2f} s; "
        f"largest peak memory {big_name} ({big_lang}) {peak / 1024:.0f} MiB")
