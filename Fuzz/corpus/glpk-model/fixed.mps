NAME          SMALL
ROWS
 N  obj
 L  c1
 L  c2
 G  c3
COLUMNS
    MARKER    'MARKER'                 'INTORG'
    x1        obj       -5             c1        2
    x1        c2        4              c3        1
    x2        obj       -4             c1        3
    x2        c2        1              c3        1
    x3        obj       -3             c1        1
    x3        c2        2
    y         obj       -2             c1        1
    MARKER    'MARKER'                 'INTEND'
    w         obj       -1             c2        1
    w         c3        1
RHS
    RHS       c1        5              c2        11
    RHS       c3        1
BOUNDS
 BV BND       x1
 BV BND       x2
 BV BND       x3
 UP BND       y         3
 UP BND       w         2.5
ENDATA
