-- 0002: reserved for issue 3 (collaborators_network). Empty until that work lands.
SELECT 1;
