package dev.wareg.chat.handoff;

class InMemoryHandoffStoreTests extends HandoffStoreContract {

    @Override
    HandoffStore emptyStore() {
        return new InMemoryHandoffStore();
    }
}
