"""Widgets of the exchange pages that are not pages themselves."""
