package org.jexabgp.daemon;

/** Entry point of the exabgp command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("jexabgp");
    }
}
