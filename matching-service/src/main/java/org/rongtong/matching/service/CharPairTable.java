package org.rongtong.matching.service;

/** A map from a pair of characters to an array, without boxing: looked up at every position of every text scanned. */
final class CharPairTable<T> {
    private int[] keys = new int[1024];
    private Object[] values = new Object[1024];
    private int size;

    void put(int key, T[] value) {
        if (2 * (size + 1) > keys.length) {
            int[] oldKeys = keys;
            Object[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new Object[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] != null) {
                    insert(oldKeys[i], oldValues[i]);
                }
            }
        }
        insert(key, value);
    }

    private void insert(int key, Object value) {
        int i = slot(key);
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & (keys.length - 1);
        }
        if (values[i] == null) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    @SuppressWarnings("unchecked")
    T[] get(int key) {
        int i = slot(key);
        while (values[i] != null) {
            if (keys[i] == key) {
                return (T[]) values[i];
            }
            i = (i + 1) & (keys.length - 1);
        }
        return null;
    }

    private int slot(int key) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & (keys.length - 1);
    }
}
