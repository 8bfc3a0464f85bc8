"""Stop-payment (紧急止付) and freeze (冻结) orders on receiving accounts, and the bank's side of them.

- `fanzha.orders.machine`: states, transitions, deadlines and renewal limits (pure, `now` passed in).
- `fanzha.orders.sweep`: other victims' money in the same account and window (同时间段其他受害者资金).
- `fanzha.orders.repository`: `OrderStore`, the orders in the database, every change audited.
"""

from fanzha.orders.machine import Order, OrderConflict, OrderError, OrderNotFound
from fanzha.orders.repository import InflowReport, OrderStore
from fanzha.orders.sweep import Cover, Inflow

__all__ = [
    "Cover",
    "Inflow",
    "InflowReport",
    "Order",
    "OrderConflict",
    "OrderError",
    "OrderNotFound",
    "OrderStore",
]
