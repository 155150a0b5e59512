package dev.privet.network.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;

import java.util.List;

/** What AWS allows when creating VPCs and subnets. */
public final class VpcRules {
    /** AWS VPC and subnet blocks are between /16 and /28. */
    static final int LARGEST_PREFIX = 16;
    static final int SMALLEST_PREFIX = 28;

    private VpcRules() {
    }

    public static VpcCreated createVpc(String vpcId, String owner, Cidr cidr, String region) {
        requireSize(cidr, "cidrBlock");
        return new VpcCreated(vpcId, owner, cidr.toString(), region);
    }

    /**
     * A subnet of {@code vpc}: its block inside the VPC's, overlapping none of {@code siblings} (the blocks of the
     * VPC's other subnets), in one of the region's zones.
     */
    public static SubnetCreated createSubnet(String subnetId, VpcCreated vpc, String caller, Cidr cidr,
                                             String availabilityZone, List<Cidr> siblings) {
        if (!vpc.ownerId().equals(caller)) {
            throw Rejection.invalid(ErrorCode.INVALID_VPC_ID_NOT_FOUND, "vpcId",
                    "The vpc ID '" + vpc.vpcId() + "' does not exist");
        }
        requireSize(cidr, "cidrBlock");
        Cidr vpcCidr = Cidr.parse(vpc.cidrBlock()).orElseThrow();
        if (!vpcCidr.contains(cidr)) {
            throw Rejection.invalid(ErrorCode.INVALID_SUBNET_RANGE, "cidrBlock",
                    "The CIDR '" + cidr + "' is invalid for the VPC's block " + vpcCidr);
        }
        for (Cidr sibling : siblings) {
            if (sibling.overlaps(cidr)) {
                throw Rejection.invalid(ErrorCode.INVALID_SUBNET_CONFLICT, "cidrBlock",
                        "The CIDR '" + cidr + "' conflicts with another subnet (" + sibling + ")");
            }
        }
        return new SubnetCreated(subnetId, vpc.vpcId(), caller, cidr.toString(), availabilityZone);
    }

    private static void requireSize(Cidr cidr, String field) {
        if (cidr.prefix() < LARGEST_PREFIX || cidr.prefix() > SMALLEST_PREFIX) {
            throw Rejection.invalidValue(field,
                    "The CIDR block " + cidr + " must be between /16 and /28");
        }
    }
}
