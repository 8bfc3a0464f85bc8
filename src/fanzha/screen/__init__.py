"""Transfer screening (阻截): declarative rule sets (YAML, versioned) turn a transfer into a decision —
allow, warn, hold or block — with the rules that fired and their clauses in Chinese.

- `fanzha.screen.transfer`: the transfer as a bank sends it, parsed and checked.
- `fanzha.screen.operators`: the registry of condition operators; `fanzha.screen.rules`: rule sets.
- `fanzha.screen.engine`: the `Screener` (live rule set, optional shadow candidate).
- `fanzha.screen.state*`: history for first-payee, fan-in and velocity features (memory, store, Redis).
- `fanzha.screen.decisions`: stored decisions, idempotent per bank, with review (confirm / clear).
- `fanzha.screen.service`: screening with storage; `fanzha.screen.backtest`: candidate vs live.
"""
