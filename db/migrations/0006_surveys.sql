-- 0006: reserved for issue 7 (surveys). Empty until that work lands.
SELECT 1;
