-- 0003: reserved for issue 4 (opinions_handling). Empty until that work lands.
SELECT 1;
