package dev.privet.gateway.ec2;

/** Small facts shared by the EC2 actions. */
final class Ec2 {
    private Ec2() {
    }

    /**
     * AWS's zone id for a zone, the same for every account here (AWS shuffles the letters per account):
     * {@code us-east-1a} is {@code use1-az1}, {@code ap-southeast-2b} is {@code apse2-az2}.
     */
    static String zoneId(String zone) {
        String[] parts = zone.substring(0, zone.length() - 1).split("-");
        StringBuilder id = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            id.append(parts[i].replace("north", "n").replace("south", "s").replace("east", "e").replace("west", "w")
                    .replace("central", "c"));
        }
        return id + "-az" + (zone.charAt(zone.length() - 1) - 'a' + 1);
    }
}
