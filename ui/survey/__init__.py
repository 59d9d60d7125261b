"""Widgets of the Điều tra (surveys) page: builder, plan, keyboard entry, tabulation."""
