-- 0004: reserved for issue 5 (reports_register). Empty until that work lands.
SELECT 1;
