from generator.cli import run

if __name__ == "__main__":  # not when a fork server imports the main module
    run()
