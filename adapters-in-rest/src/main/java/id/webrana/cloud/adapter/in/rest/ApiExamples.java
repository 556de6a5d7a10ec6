package id.webrana.cloud.adapter.in.rest;

/**
 * Example bodies and shared response descriptions for the OpenAPI document, kept out of the resources so that
 * their annotations stay readable. Documentation only: nothing here is used at run time.
 *
 * <p>The examples follow the records in {@code dto/Views} and {@code dto/Requests} field by field, with the demo
 * catalog's ids (plans {@code 22222222-…-00000000000N}, images {@code 11111111-…}). Fields whose value is
 * {@code null} are left out, as JSON-B leaves them out of the real responses. Money is whole rupiah, times are
 * ISO-8601 UTC.
 */
final class ApiExamples {

    private ApiExamples() {
    }

    // ===================================================================================================== shared

    /** The 401 that mpJwt answers itself, before any application code (and so any error mapper) runs. */
    static final String UNAUTHORIZED_EMPTY = "Missing, expired, not yet valid, forged or otherwise unverifiable "
            + "bearer token (wrong signature, issuer or audience). The body is EMPTY, not the usual "
            + "`{\"error\":{...}}` object: the server's mpJwt layer rejects the request before the application "
            + "runs. Get a new access token with POST /api/v1/auth/refresh (or sign in again) and retry.";

    /** The 403 of a valid token whose groups include none of the roles the operation allows. */
    static final String FORBIDDEN_ROLE = "The bearer token is valid but carries none of the roles allowed here "
            + "(customer, reseller, admin, super_admin): `FORBIDDEN`.";

    static final String INTERNAL_401 = "`INVALID_API_KEY`: an `X-API-Key` header was sent but is wrong. "
            + "`UNAUTHENTICATED`: neither `X-API-Key` nor a bearer token was sent. "
            + "(A bearer token that mpJwt itself cannot verify, e.g. expired or forged, may instead be refused "
            + "by mpJwt with an EMPTY 401 body.)";

    static final String INTERNAL_403 = "`FORBIDDEN`: a valid bearer token of a user who is not an administrator "
            + "(admin or super_admin). Customers and resellers cannot use /internal.";

    static final String MALFORMED_JSON = """
            {"error":{"code":"MALFORMED_JSON","message":"The request body is not valid JSON for this operation"}}""";

    static final String BODY_REQUIRED = """
            {"error":{"code":"VALIDATION_ERROR","message":"A JSON request body is required"}}""";

    static final String FORBIDDEN = """
            {"error":{"code":"FORBIDDEN","message":"You are not allowed to do this"}}""";

    static final String INVALID_API_KEY = """
            {"error":{"code":"INVALID_API_KEY","message":"The API key is not valid"}}""";

    static final String UNAUTHENTICATED = """
            {"error":{"code":"UNAUTHENTICATED","message":"Send X-API-Key or an administrator's bearer token"}}""";

    static final String ADMINISTRATORS_ONLY = """
            {"error":{"code":"FORBIDDEN","message":"Administrators only"}}""";

    static final String CONCURRENT_MODIFICATION = """
            {"error":{"code":"CONCURRENT_MODIFICATION","message":"Someone else changed this at the same time; reload and try again"}}""";

    static final String PAGE_SIZE_INVALID = """
            {"error":{"code":"VALIDATION_ERROR","message":"size must be 1..100"}}""";

    // ======================================================================================================= auth

    static final String REGISTER_REQUEST = """
            {
              "email": "budi@example.id",
              "password": "Rahasia123",
              "fullName": "Budi Santoso",
              "phone": "+6281234567890"
            }""";

    static final String REGISTERED_USER = """
            {
              "id": "5b0f6c2e-8d1a-4f3b-9c7e-2a4d6e8f1b3c",
              "email": "budi@example.id",
              "fullName": "Budi Santoso",
              "phone": "+6281234567890",
              "roles": ["customer"],
              "emailVerified": false,
              "enabled": true,
              "createdAt": "2026-05-10T08:12:45Z"
            }""";

    static final String INVALID_EMAIL = """
            {"error":{"code":"VALIDATION_ERROR","message":"Email 'budi@example' is not a valid address"}}""";

    static final String WEAK_PASSWORD = """
            {"error":{"code":"WEAK_PASSWORD","message":"Password must contain a letter and a digit"}}""";

    static final String EMAIL_ALREADY_REGISTERED = """
            {"error":{"code":"EMAIL_ALREADY_REGISTERED","message":"This email is already registered"}}""";

    static final String LOGIN_REQUEST = """
            {
              "email": "budi@example.id",
              "password": "Rahasia123"
            }""";

    static final String TOKENS = """
            {
              "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL3dlYnJhbmEuaWQiLCJhdWQiOiJ3ZWJyYW5hLWFwaSIsInN1YiI6IjViMGY2YzJlLThkMWEtNGYzYi05YzdlLTJhNGQ2ZThmMWIzYyIsInVwbiI6ImJ1ZGlAZXhhbXBsZS5pZCIsImdyb3VwcyI6WyJjdXN0b21lciJdLCJpYXQiOjE3Nzg3MjUyMDAsImV4cCI6MTc3ODcyNjEwMCwianRpIjoiMGM5ZTRmN2EtM2IyZC00ZTFmLThhNmMtNWQ3YjllMWYyYTNjIn0.Xq3v7Kc0pYlW2mR9tB4nH6sD1fJ8gA5eZ0uV2iO9kE3LrT7yN1bM4cQ6wP8xS2dF5hJ0kG3lA9zU7vR1oI4eY6tW2qC8nB5mX0jK3sD7fH1gL9pZ4vA6uE2rT8yO0iQ5wN3cM7bV1xS9dF4hJ6kG2lA8zU0vR5oI3eY7tW1qC9nB6mX4jK2sD8fH0gL5pZ3vA7uE1rT9yO6iQ4wN2cM8bV0xS5dF3hJ7kG1lA9zU6vR4oI2eY8tW0qC5nB7mX3jK1sD9fH6gL4pZ2vA8uE0rT5yO7iQ3wN1cM9bV6xS4dF2hJ8kG0lA5zU7vR3oI1eY9tW6qC4nB8mX2jK0sD5fH7gL3pZ1vA9uE6rT4yO8iQ2w",
              "tokenType": "Bearer",
              "expiresIn": 900,
              "accessTokenExpiresAt": "2026-05-14T02:35:00Z",
              "refreshToken": "MU7UkObplJ4X2dhL4y9ygxsQA-GSKgIr0wxNw7CZ9Ig",
              "refreshTokenExpiresAt": "2026-05-21T02:20:00Z",
              "userId": "5b0f6c2e-8d1a-4f3b-9c7e-2a4d6e8f1b3c",
              "roles": ["customer"]
            }""";

    static final String INVALID_CREDENTIALS = """
            {"error":{"code":"INVALID_CREDENTIALS","message":"Email or password is wrong"}}""";

    static final String ACCOUNT_DISABLED = """
            {"error":{"code":"ACCOUNT_DISABLED","message":"This account is disabled"}}""";

    static final String REFRESH_REQUEST = """
            {
              "refreshToken": "MU7UkObplJ4X2dhL4y9ygxsQA-GSKgIr0wxNw7CZ9Ig"
            }""";

    static final String REFRESHED_TOKENS = """
            {
              "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL3dlYnJhbmEuaWQiLCJhdWQiOiJ3ZWJyYW5hLWFwaSIsInN1YiI6IjViMGY2YzJlLThkMWEtNGYzYi05YzdlLTJhNGQ2ZThmMWIzYyIsInVwbiI6ImJ1ZGlAZXhhbXBsZS5pZCIsImdyb3VwcyI6WyJjdXN0b21lciJdLCJpYXQiOjE3Nzg3MjYwNDAsImV4cCI6MTc3ODcyNjk0MCwianRpIjoiNGQ4YjJlNmEtMWY5Yy00YTNlLTk1ZDctOGMwYjJhNGU2ZjE4In0.Lm8nB2vC5xZ1aS4dF7gH0jK3lQ6wE9rT2yU5iO8pA1sD4fG7hJ0kL3zX6cV9bN2mQ5wE8rT1yU4iO7pA0sD3fG6hJ9kL2zX5cV8bN1mQ4wE7rT0yU3iO6pA9sD2fG5hJ8kL1zX4cV7bN0mQ3wE6rT9yU2iO5pA8sD1fG4hJ7kL0zX3cV6bN9mQ2wE5rT8yU1iO4pA7sD0fG3hJ6kL9zX2cV5bN8mQ1wE4rT7yU0iO3pA6sD9fG2hJ5kL8zX1cV4bN7mQ0wE3rT6yU9iO2pA5sD8fG1hJ4kL7zX0cV3bN6mQ9wE2rT5yU8iO1pA4sD7fG0hJ3kL6zX9cV2bN5mQ8wE1rT4yU7iO0pA3sD6fG9hJ2kL5zX8cV1bN4mQ7wE0rT3yU6iO9pA2sD5w",
              "tokenType": "Bearer",
              "expiresIn": 900,
              "accessTokenExpiresAt": "2026-05-14T02:49:00Z",
              "refreshToken": "WUA3C5FYoHEOcx4xcyatv6yCeDehLUPq1d8bIetM5Hs",
              "refreshTokenExpiresAt": "2026-05-21T02:34:00Z",
              "userId": "5b0f6c2e-8d1a-4f3b-9c7e-2a4d6e8f1b3c",
              "roles": ["customer"]
            }""";

    static final String INVALID_REFRESH_TOKEN = """
            {"error":{"code":"INVALID_REFRESH_TOKEN","message":"The refresh token is invalid or expired"}}""";

    static final String EMAIL_REQUEST = """
            {
              "email": "budi@example.id"
            }""";

    static final String RESET_LINK_ACCEPTED = """
            {
              "status": "If the address has an account, a reset link is on its way"
            }""";

    static final String RESET_PASSWORD_REQUEST = """
            {
              "token": "q7Zb1yX0cR4mT9wK2nL6vP8sD3fG5hJ1aE0uI7oY2tQ",
              "newPassword": "BaruRahasia2026"
            }""";

    static final String VERIFY_EMAIL_REQUEST = """
            {
              "token": "f3Kp8Lw2Qz7Xn1Vb6Rt0Ym4Hs9Dj5Gc2Ae8Uo3Ni7Ek"
            }""";

    static final String INVALID_TOKEN = """
            {"error":{"code":"INVALID_TOKEN","message":"This link is invalid or has expired"}}""";

    // ==================================================================================================== catalog

    private static final String IMAGE_UBUNTU_2404 = """
            {"id": "11111111-0000-0000-0000-000000002404", "name": "Ubuntu 24.04 LTS", "distribution": "Ubuntu", "providerSlug": "ubuntu-24-04-x64", "kind": "OS", "active": true}""";
    private static final String IMAGE_UBUNTU_2204 = """
            {"id": "11111111-0000-0000-0000-000000002204", "name": "Ubuntu 22.04 LTS", "distribution": "Ubuntu", "providerSlug": "ubuntu-22-04-x64", "kind": "OS", "active": true}""";
    private static final String IMAGE_DEBIAN_12 = """
            {"id": "11111111-0000-0000-0000-000000000012", "name": "Debian 12", "distribution": "Debian", "providerSlug": "debian-12-x64", "kind": "OS", "active": true}""";
    private static final String IMAGE_ROCKY_9 = """
            {"id": "11111111-0000-0000-0000-000000000009", "name": "Rocky Linux 9", "distribution": "Rocky Linux", "providerSlug": "rockylinux-9-x64", "kind": "OS", "active": true}""";

    private static final String ALL_IMAGES = "[" + IMAGE_UBUNTU_2404 + ", " + IMAGE_UBUNTU_2204 + ", "
            + IMAGE_DEBIAN_12 + ", " + IMAGE_ROCKY_9 + "]";

    private static final String PLAN_BASIC_1GB = """
            {
              "id": "22222222-0000-0000-0000-000000000001",
              "name": "Basic 1 GB",
              "sizeSlug": "s-1vcpu-1gb",
              "vcpu": 1,
              "memoryMb": 1024,
              "diskGb": 25,
              "transferTb": 1,
              "prices": [
                {"period": "DAILY", "basePrice": 3000, "promoDiscount": 0, "finalPrice": 3000},
                {"period": "MONTHLY", "basePrice": 90000, "promoDiscount": 0, "finalPrice": 90000},
                {"period": "YEARLY", "basePrice": 900000, "promoDiscount": 0, "finalPrice": 900000}
              ],
              "images": """ + ALL_IMAGES + "\n}";

    private static final String PLAN_STANDARD_2VCPU = """
            {
              "id": "22222222-0000-0000-0000-000000000003",
              "name": "Standard 2 vCPU",
              "sizeSlug": "s-2vcpu-2gb",
              "vcpu": 2,
              "memoryMb": 2048,
              "diskGb": 60,
              "transferTb": 3,
              "prices": [
                {"period": "DAILY", "basePrice": 9000, "promoDiscount": 0, "finalPrice": 9000},
                {"period": "MONTHLY", "basePrice": 270000, "promoDiscount": 0, "finalPrice": 270000},
                {"period": "YEARLY", "basePrice": 2700000, "promoDiscount": 405000, "promoName": "Promo Tahunan 15%", "finalPrice": 2295000}
              ],
              "images": """ + ALL_IMAGES + "\n}";

    static final String PLANS = "[" + PLAN_BASIC_1GB + ",\n" + PLAN_STANDARD_2VCPU + "]";

    static final String PLAN = PLAN_STANDARD_2VCPU;

    static final String PLAN_NOT_FOUND = """
            {"error":{"code":"PLAN_NOT_FOUND","message":"Plan 22222222-0000-0000-0000-000000000009 not found"}}""";

    static final String IMAGES = ALL_IMAGES;

    static final String IMAGE = IMAGE_UBUNTU_2404;

    static final String IMAGE_NOT_FOUND = """
            {"error":{"code":"IMAGE_NOT_FOUND","message":"Image 11111111-0000-0000-0000-000000009999 not found"}}""";

    static final String QUOTE_REQUEST_COUPON = """
            {
              "planId": "22222222-0000-0000-0000-000000000001",
              "imageId": "11111111-0000-0000-0000-000000002404",
              "period": "MONTHLY",
              "couponCode": "HEMAT10"
            }""";

    static final String QUOTE_REQUEST_PROMO = """
            {
              "planId": "22222222-0000-0000-0000-000000000003",
              "period": "YEARLY"
            }""";

    static final String QUOTE_COUPON = """
            {
              "period": "MONTHLY",
              "basePrice": 90000,
              "promoDiscount": 0,
              "couponDiscount": 9000,
              "couponCode": "HEMAT10",
              "totalDiscount": 9000,
              "finalPrice": 81000,
              "currency": "IDR"
            }""";

    static final String QUOTE_PROMO = """
            {
              "period": "YEARLY",
              "basePrice": 2700000,
              "promoDiscount": 405000,
              "promoName": "Promo Tahunan 15%",
              "couponDiscount": 0,
              "totalDiscount": 405000,
              "finalPrice": 2295000,
              "currency": "IDR"
            }""";

    static final String COUPON_CHECK_REQUEST = """
            {
              "planId": "22222222-0000-0000-0000-000000000002",
              "period": "MONTHLY",
              "couponCode": "WELCOME25K"
            }""";

    static final String COUPON_CHECK = """
            {
              "period": "MONTHLY",
              "basePrice": 180000,
              "promoDiscount": 0,
              "couponDiscount": 25000,
              "couponCode": "WELCOME25K",
              "totalDiscount": 25000,
              "finalPrice": 155000,
              "currency": "IDR"
            }""";

    static final String INVALID_PLAN = """
            {"error":{"code":"INVALID_PLAN","message":"Plan 22222222-0000-0000-0000-000000000009 does not exist"}}""";

    static final String INVALID_IMAGE = """
            {"error":{"code":"INVALID_IMAGE","message":"Image 11111111-0000-0000-0000-000000009999 does not exist"}}""";

    static final String INVALID_DURATION = """
            {"error":{"code":"INVALID_DURATION","message":"Billing period must be one of DAILY, MONTHLY, YEARLY, not 'WEEKLY'"}}""";

    static final String COUPON_EXPIRED = """
            {"error":{"code":"INVALID_COUPON","message":"Coupon MERDEKA2025 has expired"}}""";

    static final String COUPON_WRONG_PERIOD = """
            {"error":{"code":"INVALID_COUPON","message":"Coupon HEMAT10 is not valid for the DAILY billing period"}}""";

    static final String COUPON_REQUIRED = """
            {"error":{"code":"INVALID_COUPON","message":"A coupon code is required"}}""";

    // ===================================================================================================== orders

    private static final String BUDI_SSH_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF3q8v2kLmN7pQ4rT9wX1yZ6bC0dE5fG8hJ2kL4mN6pQ budi@laptop";

    static final String ORDER_REQUEST = """
            {
              "planId": "22222222-0000-0000-0000-000000000002",
              "imageId": "11111111-0000-0000-0000-000000002404",
              "period": "MONTHLY",
              "hostname": "tokobudi-web-1",
              "couponCode": "HEMAT10",
              "sshKeys": [\"""" + BUDI_SSH_KEY + """
            "]
            }""";

    private static final String ORDER_HEAD = """
              "id": "7c1e9a52-4b3f-4d8e-a6c2-91f0d3b5e7a4",
              "userId": "5b0f6c2e-8d1a-4f3b-9c7e-2a4d6e8f1b3c",
            """;

    private static final String ORDER_WHAT = """
              "hostname": "tokobudi-web-1",
              "region": "sgp1",
              "plan": {"id": "22222222-0000-0000-0000-000000000002", "name": "Basic 2 GB", "sizeSlug": "s-1vcpu-2gb", "vcpu": 1, "memoryMb": 2048, "diskGb": 50, "transferTb": 2},
              "image": {"id": "11111111-0000-0000-0000-000000002404", "name": "Ubuntu 24.04 LTS", "providerSlug": "ubuntu-24-04-x64"},
              "pricing": {"period": "MONTHLY", "basePrice": 180000, "promoDiscount": 0, "couponDiscount": 18000, "couponCode": "HEMAT10", "totalDiscount": 18000, "finalPrice": 162000, "currency": "IDR"},
              "sshKeys": [\"""" + BUDI_SSH_KEY + """
            "],
              "createdAt": "2026-05-14T02:41:07Z",
              "paymentDueAt": "2026-05-15T02:41:07Z",
            """;

    private static final String PLACED = """
                {"to": "PENDING_PAYMENT", "actorType": "CUSTOMER", "actorId": "5b0f6c2e-8d1a-4f3b-9c7e-2a4d6e8f1b3c", "reason": "order placed", "at": "2026-05-14T02:41:07Z"}""";

    private static final String APPROVED_BY_ADMIN = """
                {"from": "PENDING_PAYMENT", "to": "PAID", "actorType": "ADMIN", "actorId": "9d3f1b27-6e4a-4c85-b0d2-7a1e5c9f3b68", "reason": "Transfer BCA diterima", "at": "2026-05-14T03:05:12Z"}""";

    private static final String APPROVED_BY_API_KEY = """
                {"from": "PENDING_PAYMENT", "to": "PAID", "actorType": "API_KEY", "actorId": "internal-api-key", "reason": "Transfer BCA diterima", "at": "2026-05-14T03:05:12Z"}""";

    private static final String PROVISIONING_STARTED = """
                {"from": "PAID", "to": "PROVISIONING", "actorType": "SYSTEM", "actorId": "provisioning-worker", "at": "2026-05-14T03:05:13Z"}""";

    private static final String SERVER_READY = """
                {"from": "PROVISIONING", "to": "ACTIVE", "actorType": "SYSTEM", "actorId": "provisioning-worker", "reason": "server ready", "at": "2026-05-14T03:06:02Z"}""";

    private static final String INSTANCE = """
              "instance": {
                "id": "e2a7c4f1-5d39-4b6e-8f0a-3c1d7b9e5a26",
                "provider": "DIGITALOCEAN",
                "providerServerId": "512873406",
                "hostname": "tokobudi-web-1",
                "region": "sgp1",
                "sizeSlug": "s-1vcpu-2gb",
                "imageSlug": "ubuntu-24-04-x64",
                "ipv4": "159.89.207.118",
                "ipv6": "2400:6180:0:d0::1e4:7001",
                "status": "ACTIVE",
                "providerCreatedAt": "2026-05-14T03:05:15Z",
                "createdAt": "2026-05-14T03:06:02Z",
                "expiresAt": "2026-06-14T03:06:02Z"
              },
              "provisioning": {"status": "SUCCEEDED", "attempts": 3, "nextAttemptAt": "2026-05-14T03:05:59Z", "deadline": "2026-05-14T03:15:13Z"}
            """;

    static final String ORDER_PLACED = "{\n" + ORDER_HEAD + """
              "status": "PENDING_PAYMENT",
            """ + ORDER_WHAT + """
              "statusHistory": [
            """ + PLACED + """

              ]
            }""";

    static final String ORDER_ACTIVE = "{\n" + ORDER_HEAD + """
              "status": "ACTIVE",
            """ + ORDER_WHAT + """
              "paidAt": "2026-05-14T03:05:12Z",
              "statusHistory": [
            """ + PLACED + ",\n" + APPROVED_BY_ADMIN + ",\n" + PROVISIONING_STARTED + ",\n" + SERVER_READY + """

              ],
            """ + INSTANCE + "}";

    /** A failed order as its customer sees it: a plain sentence, no provider detail. */
    static final String ORDER_FAILED_CUSTOMER = """
            {
              "id": "c4d2e8a1-6f3b-4c97-a05e-8b1d3f7a9e62",
              "userId": "0a4c8e21-7b5d-4f93-8e16-d2b9a7c3f510",
              "status": "FAILED",
              "hostname": "siti-shop",
              "region": "sgp1",
              "plan": {"id": "22222222-0000-0000-0000-000000000004", "name": "Standard 4 GB", "sizeSlug": "s-2vcpu-4gb", "vcpu": 2, "memoryMb": 4096, "diskGb": 80, "transferTb": 4},
              "image": {"id": "11111111-0000-0000-0000-000000000012", "name": "Debian 12", "providerSlug": "debian-12-x64"},
              "pricing": {"period": "MONTHLY", "basePrice": 360000, "promoDiscount": 0, "couponDiscount": 0, "totalDiscount": 0, "finalPrice": 360000, "currency": "IDR"},
              "sshKeys": [],
              "createdAt": "2026-05-12T09:30:44Z",
              "paymentDueAt": "2026-05-13T09:30:44Z",
              "paidAt": "2026-05-12T10:02:19Z",
              "failureCode": "PROVISIONING_TIMEOUT",
              "failureMessage": "We could not set up this server; our team has been alerted.",
              "statusHistory": [
                {"to": "PENDING_PAYMENT", "actorType": "CUSTOMER", "actorId": "0a4c8e21-7b5d-4f93-8e16-d2b9a7c3f510", "reason": "order placed", "at": "2026-05-12T09:30:44Z"},
                {"from": "PENDING_PAYMENT", "to": "PAID", "actorType": "ADMIN", "actorId": "9d3f1b27-6e4a-4c85-b0d2-7a1e5c9f3b68", "reason": "Transfer Mandiri diterima", "at": "2026-05-12T10:02:19Z"},
                {"from": "PAID", "to": "PROVISIONING", "actorType": "SYSTEM", "actorId": "provisioning-worker", "at": "2026-05-12T10:02:20Z"},
                {"from": "PROVISIONING", "to": "FAILED", "actorType": "SYSTEM", "actorId": "provisioning-worker", "reason": "PROVISIONING_TIMEOUT: The server was not ready within the provisioning time limit (last error: droplet 512790233 still 'new')", "at": "2026-05-12T10:12:21Z"}
              ],
              "provisioning": {"status": "FAILED", "attempts": 41, "nextAttemptAt": "2026-05-12T10:12:21Z", "deadline": "2026-05-12T10:12:20Z"}
            }""";

    /** The same failed order as operators see it: the provider's own words, and the task's last error. */
    static final String ORDER_FAILED_ADMIN = """
            {
              "id": "c4d2e8a1-6f3b-4c97-a05e-8b1d3f7a9e62",
              "userId": "0a4c8e21-7b5d-4f93-8e16-d2b9a7c3f510",
              "status": "FAILED",
              "hostname": "siti-shop",
              "region": "sgp1",
              "plan": {"id": "22222222-0000-0000-0000-000000000004", "name": "Standard 4 GB", "sizeSlug": "s-2vcpu-4gb", "vcpu": 2, "memoryMb": 4096, "diskGb": 80, "transferTb": 4},
              "image": {"id": "11111111-0000-0000-0000-000000000012", "name": "Debian 12", "providerSlug": "debian-12-x64"},
              "pricing": {"period": "MONTHLY", "basePrice": 360000, "promoDiscount": 0, "couponDiscount": 0, "totalDiscount": 0, "finalPrice": 360000, "currency": "IDR"},
              "sshKeys": [],
              "createdAt": "2026-05-12T09:30:44Z",
              "paymentDueAt": "2026-05-13T09:30:44Z",
              "paidAt": "2026-05-12T10:02:19Z",
              "failureCode": "PROVISIONING_TIMEOUT",
              "failureMessage": "The server was not ready within the provisioning time limit (last error: droplet 512790233 still 'new')",
              "statusHistory": [
                {"to": "PENDING_PAYMENT", "actorType": "CUSTOMER", "actorId": "0a4c8e21-7b5d-4f93-8e16-d2b9a7c3f510", "reason": "order placed", "at": "2026-05-12T09:30:44Z"},
                {"from": "PENDING_PAYMENT", "to": "PAID", "actorType": "ADMIN", "actorId": "9d3f1b27-6e4a-4c85-b0d2-7a1e5c9f3b68", "reason": "Transfer Mandiri diterima", "at": "2026-05-12T10:02:19Z"},
                {"from": "PAID", "to": "PROVISIONING", "actorType": "SYSTEM", "actorId": "provisioning-worker", "at": "2026-05-12T10:02:20Z"},
                {"from": "PROVISIONING", "to": "FAILED", "actorType": "SYSTEM", "actorId": "provisioning-worker", "reason": "PROVISIONING_TIMEOUT: The server was not ready within the provisioning time limit (last error: droplet 512790233 still 'new')", "at": "2026-05-12T10:12:21Z"}
              ],
              "provisioning": {"status": "FAILED", "attempts": 41, "nextAttemptAt": "2026-05-12T10:12:21Z", "deadline": "2026-05-12T10:12:20Z", "lastError": "PROVISIONING_TIMEOUT: The server was not ready within the provisioning time limit (last error: droplet 512790233 still 'new')"}
            }""";

    static final String ORDER_ACTIVE_ADMIN = "{\n" + ORDER_HEAD + """
              "status": "ACTIVE",
            """ + ORDER_WHAT + """
              "paidAt": "2026-05-14T03:05:12Z",
              "statusHistory": [
            """ + PLACED + ",\n" + APPROVED_BY_API_KEY + ",\n" + PROVISIONING_STARTED + ",\n" + SERVER_READY + """

              ],
            """ + INSTANCE + "}";

    static final String ORDER_APPROVED = "{\n" + ORDER_HEAD + """
              "status": "PAID",
            """ + ORDER_WHAT + """
              "paidAt": "2026-05-14T03:05:12Z",
              "statusHistory": [
            """ + PLACED + ",\n" + APPROVED_BY_API_KEY + """

              ],
              "provisioning": {"status": "PENDING", "attempts": 0, "nextAttemptAt": "2026-05-14T03:05:12Z", "deadline": "2026-05-14T03:15:12Z"}
            }""";

    static final String ORDER_REJECTED = "{\n" + ORDER_HEAD + """
              "status": "PAYMENT_FAILED",
            """ + ORDER_WHAT + """
              "statusHistory": [
            """ + PLACED + """
            ,
                {"from": "PENDING_PAYMENT", "to": "PAYMENT_FAILED", "actorType": "API_KEY", "actorId": "internal-api-key", "reason": "Bukti transfer tidak valid", "at": "2026-05-14T03:05:12Z"}
              ]
            }""";

    private static final String SUMMARY_ACTIVE = """
                {"id": "7c1e9a52-4b3f-4d8e-a6c2-91f0d3b5e7a4", "userId": "5b0f6c2e-8d1a-4f3b-9c7e-2a4d6e8f1b3c", "status": "ACTIVE", "hostname": "tokobudi-web-1", "planName": "Basic 2 GB", "imageName": "Ubuntu 24.04 LTS", "period": "MONTHLY", "finalPrice": 162000, "currency": "IDR", "createdAt": "2026-05-14T02:41:07Z", "paymentDueAt": "2026-05-15T02:41:07Z"}""";

    private static final String SUMMARY_EXPIRED = """
                {"id": "3f8b2d61-9a4c-4e7f-b1d5-6c0e8a2f4b97", "userId": "5b0f6c2e-8d1a-4f3b-9c7e-2a4d6e8f1b3c", "status": "EXPIRED", "hostname": "tokobudi-db", "planName": "Standard 4 GB", "imageName": "Debian 12", "period": "YEARLY", "finalPrice": 3600000, "currency": "IDR", "createdAt": "2026-05-02T14:20:33Z", "paymentDueAt": "2026-05-03T14:20:33Z"}""";

    private static final String SUMMARY_FAILED_SITI = """
                {"id": "c4d2e8a1-6f3b-4c97-a05e-8b1d3f7a9e62", "userId": "0a4c8e21-7b5d-4f93-8e16-d2b9a7c3f510", "status": "FAILED", "hostname": "siti-shop", "planName": "Standard 4 GB", "imageName": "Debian 12", "period": "MONTHLY", "finalPrice": 360000, "currency": "IDR", "createdAt": "2026-05-12T09:30:44Z", "paymentDueAt": "2026-05-13T09:30:44Z"}""";

    private static final String SUMMARY_PENDING_SITI = """
                {"id": "a91f3c7e-2d4b-4e68-9f05-1b7c3e5d8a24", "userId": "0a4c8e21-7b5d-4f93-8e16-d2b9a7c3f510", "status": "PENDING_PAYMENT", "hostname": "siti-shop-2", "planName": "Standard 2 vCPU", "imageName": "Ubuntu 22.04 LTS", "period": "YEARLY", "finalPrice": 2295000, "currency": "IDR", "createdAt": "2026-05-14T06:11:52Z", "paymentDueAt": "2026-05-15T06:11:52Z"}""";

    static final String MY_ORDERS = """
            {
              "items": [
            """ + SUMMARY_ACTIVE + ",\n" + SUMMARY_EXPIRED + """

              ],
              "page": 0,
              "size": 20,
              "total": 2
            }""";

    static final String SEARCH_ORDERS = """
            {
              "items": [
            """ + SUMMARY_PENDING_SITI + ",\n" + SUMMARY_ACTIVE + ",\n" + SUMMARY_FAILED_SITI + """

              ],
              "page": 0,
              "size": 20,
              "total": 3
            }""";

    static final String INVALID_HOSTNAME = """
            {"error":{"code":"INVALID_HOSTNAME","message":"Hostname '-bad_name' may contain only letters, digits, hyphens and dots, each part 1-63 characters, not starting or ending with a hyphen"}}""";

    static final String INVALID_SSH_KEY = """
            {"error":{"code":"VALIDATION_ERROR","message":"Not an OpenSSH public key: ssh-dss AAAAB3NzaC1kc3MAAACBA..."}}""";

    static final String ORDER_NOT_FOUND = """
            {"error":{"code":"ORDER_NOT_FOUND","message":"Order 00000000-0000-0000-0000-000000000000 not found"}}""";

    static final String ORDER_ACCESS_DENIED = """
            {"error":{"code":"ORDER_ACCESS_DENIED","message":"Order c4d2e8a1-6f3b-4c97-a05e-8b1d3f7a9e62 belongs to another account"}}""";

    static final String PAYMENT_APPROVE = """
            {
              "decision": "APPROVE",
              "reason": "Transfer BCA diterima"
            }""";

    static final String PAYMENT_REJECT = """
            {
              "decision": "REJECT",
              "reason": "Bukti transfer tidak valid"
            }""";

    static final String PAYMENT_STATUS_CONFLICT = """
            {"error":{"code":"PAYMENT_STATUS_CONFLICT","message":"Order 7c1e9a52-4b3f-4d8e-a6c2-91f0d3b5e7a4 is PAYMENT_FAILED and cannot become PAID"}}""";

    static final String DECISION_INVALID = """
            {"error":{"code":"VALIDATION_ERROR","message":"decision must be APPROVE or REJECT"}}""";

    static final String REJECTION_NEEDS_REASON = """
            {"error":{"code":"VALIDATION_ERROR","message":"A rejection needs a reason"}}""";

    static final String SEARCH_BAD_TIME = """
            {"error":{"code":"VALIDATION_ERROR","message":"from must be an ISO-8601 UTC time, e.g. 2026-11-23T00:00:00Z"}}""";

    static final String SEARCH_BAD_STATUS = """
            {"error":{"code":"VALIDATION_ERROR","message":"Unknown order status: LUNAS"}}""";

    static final String USER_DETAILS = """
            {
              "user": {
                "id": "5b0f6c2e-8d1a-4f3b-9c7e-2a4d6e8f1b3c",
                "email": "budi@example.id",
                "fullName": "Budi Santoso",
                "phone": "+6281234567890",
                "roles": ["customer"],
                "emailVerified": true,
                "enabled": true,
                "createdAt": "2026-05-10T08:12:45Z"
              },
              "recentOrders": {
                "items": [
            """ + SUMMARY_ACTIVE + ",\n" + SUMMARY_EXPIRED + """

                ],
                "page": 0,
                "size": 20,
                "total": 2
              }
            }""";

    static final String USER_NOT_FOUND = """
            {"error":{"code":"USER_NOT_FOUND","message":"User 00000000-0000-0000-0000-000000000000 not found"}}""";

    static final String PING = """
            {"status": "ok"}""";

    static final String ME = """
            {"upn": "budi@example.id", "groups": ["customer"]}""";

    // =========================================================================================== internal catalog

    private static final String ADMIN_PLAN_BASIC_1GB = """
            {
              "id": "22222222-0000-0000-0000-000000000001",
              "name": "Basic 1 GB",
              "sizeSlug": "s-1vcpu-1gb",
              "vcpu": 1,
              "memoryMb": 1024,
              "diskGb": 25,
              "transferTb": 1,
              "active": true,
              "sortOrder": 10,
              "prices": {"DAILY": 3000, "MONTHLY": 90000, "YEARLY": 900000},
              "imageIds": ["11111111-0000-0000-0000-000000000009", "11111111-0000-0000-0000-000000000012", "11111111-0000-0000-0000-000000002204", "11111111-0000-0000-0000-000000002404"],
              "version": 0
            }""";

    private static final String ADMIN_PLAN_PERFORMANCE = """
            {
              "id": "22222222-0000-0000-0000-000000000005",
              "name": "Performance 8 GB",
              "sizeSlug": "s-4vcpu-8gb",
              "vcpu": 4,
              "memoryMb": 8192,
              "diskGb": 160,
              "transferTb": 5,
              "active": false,
              "sortOrder": 50,
              "prices": {"DAILY": 24000, "MONTHLY": 720000, "YEARLY": 7200000},
              "imageIds": ["11111111-0000-0000-0000-000000000012", "11111111-0000-0000-0000-000000002404"],
              "version": 3
            }""";

    static final String ADMIN_PLANS = "[" + ADMIN_PLAN_BASIC_1GB + ",\n" + ADMIN_PLAN_PERFORMANCE + "]";

    static final String PLAN_REQUEST = """
            {
              "name": "CPU-Optimized 2 vCPU",
              "sizeSlug": "c-2",
              "vcpu": 2,
              "memoryMb": 4096,
              "diskGb": 25,
              "transferTb": 4,
              "active": true,
              "sortOrder": 60,
              "prices": {"DAILY": 15000, "MONTHLY": 450000, "YEARLY": 4500000},
              "imageIds": ["11111111-0000-0000-0000-000000002404", "11111111-0000-0000-0000-000000000012"]
            }""";

    static final String PLAN_CREATED = """
            {
              "id": "6a2f0c1e-3d5b-4a87-9e42-b8c1d7f05e39",
              "name": "CPU-Optimized 2 vCPU",
              "sizeSlug": "c-2",
              "vcpu": 2,
              "memoryMb": 4096,
              "diskGb": 25,
              "transferTb": 4,
              "active": true,
              "sortOrder": 60,
              "prices": {"DAILY": 15000, "MONTHLY": 450000, "YEARLY": 4500000},
              "imageIds": ["11111111-0000-0000-0000-000000000012", "11111111-0000-0000-0000-000000002404"],
              "version": 0
            }""";

    static final String PLAN_UPDATE_REQUEST = """
            {
              "name": "Basic 1 GB",
              "sizeSlug": "s-1vcpu-1gb",
              "vcpu": 1,
              "memoryMb": 1024,
              "diskGb": 25,
              "transferTb": 1,
              "active": true,
              "sortOrder": 10,
              "prices": {"DAILY": 3000, "MONTHLY": 85000, "YEARLY": 850000},
              "imageIds": ["11111111-0000-0000-0000-000000002404", "11111111-0000-0000-0000-000000002204", "11111111-0000-0000-0000-000000000012", "11111111-0000-0000-0000-000000000009"]
            }""";

    static final String PLAN_UPDATED = """
            {
              "id": "22222222-0000-0000-0000-000000000001",
              "name": "Basic 1 GB",
              "sizeSlug": "s-1vcpu-1gb",
              "vcpu": 1,
              "memoryMb": 1024,
              "diskGb": 25,
              "transferTb": 1,
              "active": true,
              "sortOrder": 10,
              "prices": {"DAILY": 3000, "MONTHLY": 85000, "YEARLY": 850000},
              "imageIds": ["11111111-0000-0000-0000-000000000009", "11111111-0000-0000-0000-000000000012", "11111111-0000-0000-0000-000000002204", "11111111-0000-0000-0000-000000002404"],
              "version": 1
            }""";

    static final String PLAN_FIELD_MISSING = """
            {"error":{"code":"VALIDATION_ERROR","message":"vcpu is required"}}""";

    static final String PLAN_NEEDS_PRICE = """
            {"error":{"code":"VALIDATION_ERROR","message":"A plan needs a price for at least one period"}}""";

    static final String IMAGE_REQUEST = """
            {
              "name": "AlmaLinux 9",
              "distribution": "AlmaLinux",
              "providerSlug": "almalinux-9-x64",
              "kind": "OS",
              "active": true
            }""";

    static final String IMAGE_CREATED = """
            {
              "id": "c5e1a9d3-2b7f-4c60-8d14-f3a6b2e9c071",
              "name": "AlmaLinux 9",
              "distribution": "AlmaLinux",
              "providerSlug": "almalinux-9-x64",
              "kind": "OS",
              "active": true
            }""";

    static final String IMAGE_DEACTIVATE_REQUEST = """
            {
              "name": "Ubuntu 22.04 LTS",
              "distribution": "Ubuntu",
              "providerSlug": "ubuntu-22-04-x64",
              "kind": "OS",
              "active": false
            }""";

    static final String IMAGE_DEACTIVATED = """
            {
              "id": "11111111-0000-0000-0000-000000002204",
              "name": "Ubuntu 22.04 LTS",
              "distribution": "Ubuntu",
              "providerSlug": "ubuntu-22-04-x64",
              "kind": "OS",
              "active": false
            }""";

    static final String IMAGE_KIND_UNKNOWN = """
            {"error":{"code":"VALIDATION_ERROR","message":"Unknown image kind: DESKTOP"}}""";

    static final String ADMIN_IMAGES = "[" + IMAGE_UBUNTU_2404 + ", " + IMAGE_DEBIAN_12 + ", " + """
            {"id": "11111111-0000-0000-0000-000000002204", "name": "Ubuntu 22.04 LTS", "distribution": "Ubuntu", "providerSlug": "ubuntu-22-04-x64", "kind": "OS", "active": false}""" + "]";

    static final String COUPONS = """
            [
              {"id": "44444444-0000-0000-0000-000000000001", "code": "HEMAT10", "discountType": "PERCENT", "discountValue": 10, "maxDiscount": 50000, "validFrom": "2026-01-01T00:00:00Z", "validUntil": "2030-01-01T00:00:00Z", "totalLimit": 1000, "perUserLimit": 3, "planIds": [], "periods": ["MONTHLY", "YEARLY"], "active": true, "redemptionCount": 42},
              {"id": "44444444-0000-0000-0000-000000000002", "code": "WELCOME25K", "discountType": "FIXED", "discountValue": 25000, "validFrom": "2026-01-01T00:00:00Z", "validUntil": "2030-01-01T00:00:00Z", "perUserLimit": 1, "minimumOrder": 100000, "planIds": [], "periods": [], "active": true, "redemptionCount": 17},
              {"id": "44444444-0000-0000-0000-000000000003", "code": "MERDEKA2025", "discountType": "PERCENT", "discountValue": 17, "validFrom": "2025-08-01T00:00:00Z", "validUntil": "2025-08-31T17:00:00Z", "planIds": [], "periods": [], "active": true, "redemptionCount": 0}
            ]""";

    static final String COUPON_REQUEST = """
            {
              "code": "HARBOLNAS1212",
              "discountType": "PERCENT",
              "discountValue": 12,
              "maxDiscount": 100000,
              "validFrom": "2026-12-11T17:00:00Z",
              "validUntil": "2026-12-12T17:00:00Z",
              "totalLimit": 1212,
              "perUserLimit": 1,
              "minimumOrder": 90000,
              "planIds": [],
              "periods": ["MONTHLY", "YEARLY"],
              "active": true
            }""";

    static final String COUPON_CREATED = """
            {
              "id": "8e3b6d1f-4a27-4c95-b0e8-2f7a9c1d5e43",
              "code": "HARBOLNAS1212",
              "discountType": "PERCENT",
              "discountValue": 12,
              "maxDiscount": 100000,
              "validFrom": "2026-12-11T17:00:00Z",
              "validUntil": "2026-12-12T17:00:00Z",
              "totalLimit": 1212,
              "perUserLimit": 1,
              "minimumOrder": 90000,
              "planIds": [],
              "periods": ["MONTHLY", "YEARLY"],
              "active": true,
              "redemptionCount": 0
            }""";

    static final String COUPON_UPDATE_REQUEST = """
            {
              "code": "HEMAT10",
              "discountType": "PERCENT",
              "discountValue": 10,
              "maxDiscount": 75000,
              "validFrom": "2026-01-01T00:00:00Z",
              "validUntil": "2030-01-01T00:00:00Z",
              "totalLimit": 2000,
              "perUserLimit": 3,
              "planIds": ["22222222-0000-0000-0000-000000000003", "22222222-0000-0000-0000-000000000004"],
              "periods": ["MONTHLY", "YEARLY"],
              "active": true
            }""";

    static final String COUPON_UPDATED = """
            {
              "id": "44444444-0000-0000-0000-000000000001",
              "code": "HEMAT10",
              "discountType": "PERCENT",
              "discountValue": 10,
              "maxDiscount": 75000,
              "validFrom": "2026-01-01T00:00:00Z",
              "validUntil": "2030-01-01T00:00:00Z",
              "totalLimit": 2000,
              "perUserLimit": 3,
              "planIds": ["22222222-0000-0000-0000-000000000003", "22222222-0000-0000-0000-000000000004"],
              "periods": ["MONTHLY", "YEARLY"],
              "active": true,
              "redemptionCount": 42
            }""";

    static final String DUPLICATE_CODE = """
            {"error":{"code":"DUPLICATE_CODE","message":"Coupon HEMAT10 already exists"}}""";

    static final String COUPON_NOT_FOUND = """
            {"error":{"code":"COUPON_NOT_FOUND","message":"Coupon 44444444-0000-0000-0000-000000000099 not found"}}""";

    static final String DISCOUNT_OUT_OF_RANGE = """
            {"error":{"code":"VALIDATION_ERROR","message":"A percent discount must be 1..100"}}""";

    static final String DISCOUNT_REQUIRED = """
            {"error":{"code":"VALIDATION_ERROR","message":"discountType and discountValue are required"}}""";

    static final String PROMOS = """
            [
              {"id": "33333333-0000-0000-0000-000000000001", "planId": "22222222-0000-0000-0000-000000000003", "period": "YEARLY", "name": "Promo Tahunan 15%", "discountType": "PERCENT", "discountValue": 15, "startsAt": "2026-01-01T00:00:00Z", "endsAt": "2027-12-31T17:00:00Z", "active": true}
            ]""";

    static final String PROMO_REQUEST = """
            {
              "planId": "22222222-0000-0000-0000-000000000002",
              "period": "MONTHLY",
              "name": "Promo Kemerdekaan 17%",
              "discountType": "PERCENT",
              "discountValue": 17,
              "startsAt": "2026-07-31T17:00:00Z",
              "endsAt": "2026-08-31T17:00:00Z"
            }""";

    static final String PROMO_CREATED = """
            {
              "id": "b7d4f2a9-1c6e-4b38-a5f0-9e2c4d7b1a86",
              "planId": "22222222-0000-0000-0000-000000000002",
              "period": "MONTHLY",
              "name": "Promo Kemerdekaan 17%",
              "discountType": "PERCENT",
              "discountValue": 17,
              "startsAt": "2026-07-31T17:00:00Z",
              "endsAt": "2026-08-31T17:00:00Z",
              "active": true
            }""";

    static final String PROMO_ENDS_BEFORE_START = """
            {"error":{"code":"VALIDATION_ERROR","message":"A promo must end after it starts"}}""";
}
