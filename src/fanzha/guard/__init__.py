"""The payment order guard (支付防火墙): a payment firm registers its merchants (domains, IP ranges, time
limits), creates an order when a customer starts to pay, and has each step checked as it happens.

- `fanzha.guard.hosts`: an Origin's host, registered or imitating a registered domain.
- `fanzha.guard.checks`: the checks of one step (timestamps, origin, lookalike origin, source IP, machine
  speed, amount), registered in one place, and `judge`.
- `fanzha.guard.model`: merchants, orders and step results as the API sees them; the errors.
- `fanzha.guard.store`: `GuardStore`, the merchants, orders and steps in the store.
"""
