package dev.dbbench.core.paging;

/** Checks shared by the pagers. */
final class Pagers {
    private Pagers() {}

    static int checkPageSize(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1 row, was " + pageSize);
        }
        return pageSize;
    }
}
