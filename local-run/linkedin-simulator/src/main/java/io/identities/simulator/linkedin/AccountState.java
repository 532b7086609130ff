package io.identities.simulator.linkedin;

/**
 * An account that signs in, with what LinkedIn keeps for it.
 *
 * @param member the account as other members see it
 */
record AccountState(
    Account account, Member member, Network network, Switches switches, Activity activity) {}
