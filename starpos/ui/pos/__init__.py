"""The cashier's counter (Star POS simple client): meter, customer, amount, vend, token."""
