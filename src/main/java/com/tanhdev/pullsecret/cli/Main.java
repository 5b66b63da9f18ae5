package com.tanhdev.pullsecret.cli; public final class Main { public static void main(String[] a) {} }
