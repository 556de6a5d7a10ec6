package id.webrana.cloud.adapter.out.digitalocean;

/** DigitalOcean-shaped JSON for WireMock stubs (abridged from the API reference's examples). */
final class DropletJson {

    static final String PRIVATE_V4 =
            "{\"ip_address\":\"10.130.0.5\",\"netmask\":\"255.255.240.0\",\"gateway\":\"nil\",\"type\":\"private\"}";

    private DropletJson() {
    }

    static String publicV4(String ip) {
        return "{\"ip_address\":\"" + ip + "\",\"netmask\":\"255.255.240.0\",\"gateway\":\"159.89.192.1\","
                + "\"type\":\"public\"}";
    }

    static String publicV6(String ip) {
        return "{\"ip_address\":\"" + ip + "\",\"netmask\":64,\"gateway\":\"2400:6180:0:d0::1\",\"type\":\"public\"}";
    }

    /** A droplet with the given v4/v6 network items (comma-joined JSON objects, may be empty). */
    static String droplet(long id, String name, String status, String v4Items, String v6Items, String... tags) {
        StringBuilder tagJson = new StringBuilder();
        for (String tag : tags) {
            if (tagJson.length() > 0) {
                tagJson.append(',');
            }
            tagJson.append('"').append(tag).append('"');
        }
        return """
                {"id":%d,"name":"%s","memory":1024,"vcpus":1,"disk":25,"locked":false,"status":"%s",
                 "kernel":null,"created_at":"2026-03-01T10:15:30Z","features":["monitoring"],"backup_ids":[],
                 "next_backup_window":null,"snapshot_ids":[],
                 "image":{"id":160232537,"name":"24.04 (LTS) x64","distribution":"Ubuntu","slug":"ubuntu-24-04-x64",
                          "public":true,"regions":["sgp1"],"created_at":"2024-04-25T16:58:38Z","type":"base",
                          "min_disk_size":7,"size_gigabytes":2.52,"description":"","tags":[],"status":"available"},
                 "volume_ids":[],
                 "size":{"slug":"s-1vcpu-1gb","memory":1024,"vcpus":1,"disk":25,"transfer":1.0,"price_monthly":6.0,
                         "price_hourly":0.00893,"regions":["sgp1"],"available":true,"description":"Basic"},
                 "size_slug":"s-1vcpu-1gb",
                 "networks":{"v4":[%s],"v6":[%s]},
                 "region":{"name":"Singapore 1","slug":"sgp1","features":["backups","ipv6"],"available":true,
                           "sizes":["s-1vcpu-1gb"]},
                 "tags":[%s],"vpc_uuid":"5a4981aa-9653-4bd1-bef5-d6bff52042e4"}
                """.formatted(id, name, status, v4Items, v6Items, tagJson);
    }

    static String envelope(String dropletJson) {
        return "{\"droplet\":" + dropletJson + "}";
    }

    static String createResponse(String dropletJson, long actionId) {
        return "{\"droplet\":" + dropletJson + ",\"links\":{\"actions\":[{\"id\":" + actionId
                + ",\"rel\":\"create\",\"href\":\"https://api.digitalocean.com/v2/actions/" + actionId + "\"}]}}";
    }
}
