-- 0005: reserved for issue 6 (exchange). Empty until that work lands.
SELECT 1;
