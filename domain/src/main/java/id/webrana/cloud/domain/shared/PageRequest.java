package id.webrana.cloud.domain.shared;

/** Which page of a listing: zero-based {@code page}, {@code size} 1..100. */
public record PageRequest(int page, int size) {
    public PageRequest {
        if (page < 0 || page > 100_000) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "page must be 0..100000");
        }
        if (size < 1 || size > 100) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "size must be 1..100");
        }
    }

    public int offset() {
        return page * size;
    }
}
