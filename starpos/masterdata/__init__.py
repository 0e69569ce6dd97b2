"""Master data read and kept in the store: system parameters and the utility's clock, bill
numbering, customers, meters and stock, tariffs, and the pricing inputs read from them."""
